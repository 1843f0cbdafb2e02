using Concord.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Tests.Backends;

/// <summary>SQLite stores in a temporary folder of the test class's own, deleted at the end.</summary>
public sealed class SqliteFixture : StoreFixture
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "concord-tests-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly List<SqliteStore> _stores = [];

    public override string Backend => "sqlite";

    public override async Task<TestStore> CreateStoreAsync()
    {
        var store = new SqliteStore(Path.Combine(_folder, $"store-{_stores.Count}.db"));
        _stores.Add(store);
        await store.MigrateAsync(CancellationToken.None);
        return new TestStore(store, sql => ExecuteAsync(store.Path, sql));
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        if (System.IO.Directory.Exists(_folder))
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
    }
}
