using Concord.Storage.Sqlite;
using Concord.Storage.Tests.Backends;
using Concord.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Tests.Objects;

/// <summary>A bulk writer restarts a long WAL between transactions, so the file does not grow by the whole import.</summary>
public sealed class SqliteWalRestartTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private async Task<SqliteStore> StoreAsync() => (SqliteStore)(await fixture.CreateStoreAsync()).Store;

    [Theory]
    [InlineData(16_383, false)]
    [InlineData(16_384, true)]
    [InlineData(250_000, true)]
    public async Task The_checkpointer_asks_for_a_restart_once_the_log_reaches_the_threshold(long frames, bool wanted)
    {
        var store = await StoreAsync();
        await using var connection = await store.OpenAsync(CancellationToken.None);
        await using var checkpoint = connection.CreateCommand();
        // What PRAGMA wal_checkpoint returns: busy, frames in the log, frames copied.
        checkpoint.CommandText = $"SELECT 0, {frames}, {frames}";

        SqliteCheckpointer.Tick(store, checkpoint);

        Assert.Equal(wanted, store.WalRestartWanted);
    }

    [Fact]
    public async Task A_reader_on_an_older_snapshot_puts_the_restart_off_without_waiting_and_the_writer_keeps_its_timeout()
    {
        var store = await StoreAsync();
        var world = new TestWorld(store);
        var ru = await world.PartyAsync("ru");
        await world.ImportAsync(ru, TestObject.ThreatActor(1, "before the reader"));
        await using var reader = await store.OpenAsync(CancellationToken.None);
        using var snapshot = reader.BeginTransaction(deferred: true);
        await using (var read = reader.CreateCommand())
        {
            read.Transaction = snapshot;
            read.CommandText = "SELECT count(*) FROM object_version";
            Assert.Equal(1L, await read.ExecuteScalarAsync());
        }

        await world.ImportAsync(ru, TestObject.ThreatActor(1, "after the reader"));
        await using var writer = await store.OpenAsync(CancellationToken.None);
        store.WalRestartWanted = true;

        store.RestartWalIfWanted(writer);

        Assert.True(store.WalRestartWanted);
        Assert.Equal(30_000L, await ScalarAsync(writer, "PRAGMA busy_timeout"));
        snapshot.Commit();

        store.RestartWalIfWanted(writer);

        Assert.False(store.WalRestartWanted);
        Assert.Equal(30_000L, await ScalarAsync(writer, "PRAGMA busy_timeout"));
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
