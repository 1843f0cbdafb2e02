using Concord.Storage.Postgres;
using Npgsql;

namespace Concord.Storage.Tests.Backends;

/// <summary>
/// PostgreSQL stores for the test class <typeparamref name="TTests"/>: each in its own schema named after the
/// class plus a short random suffix, migrated fresh and dropped with CASCADE at the end.
/// </summary>
public sealed class PostgresFixture<TTests> : StoreFixture
{
    private readonly string _prefix = $"{typeof(TTests).Name.ToLowerInvariant()}_{Guid.NewGuid().ToString("N")[..6]}";
    private readonly List<PostgresStore> _stores = [];

    public override string Backend => "postgres";

    protected override bool Skipped => PostgresEnvironment.SkipReason is not null;

    public override async Task<TestStore> CreateStoreAsync()
    {
        var connectionString = PostgresEnvironment.RequireConnectionString();
        var schema = _stores.Count == 0 ? _prefix : $"{_prefix}_{_stores.Count}";
        var store = new PostgresStore(connectionString, schema);
        _stores.Add(store);
        await store.MigrateAsync(CancellationToken.None);
        return new TestStore(store, sql => ExecuteAsync(connectionString, schema, sql));
    }

    private static async Task ExecuteAsync(string connectionString, string schema, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        if (_stores.Count > 0 && PostgresEnvironment.ConnectionString is { } connectionString)
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            foreach (var store in _stores)
            {
                await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {store.Schema} CASCADE", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }
}
