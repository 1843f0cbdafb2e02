using Microsoft.Data.Sqlite;

namespace Concord.Storage.Sqlite;

/// <summary>
/// Moves WAL checkpoints off an import's writing thread: while an import runs, its connection does not
/// checkpoint, and this runs a passive checkpoint on a connection of its own every quarter second. The disk
/// flush that a checkpoint waits for then overlaps the import's work instead of stalling it. Each commit stays
/// as durable as before (WAL, synchronous=NORMAL).
/// </summary>
internal sealed class SqliteCheckpointer : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private SqliteCheckpointer(SqliteStore store) => _loop = Task.Run(() => LoopAsync(store, _stop.Token));

    public static SqliteCheckpointer Start(SqliteStore store) => new(store);

    private static async Task LoopAsync(SqliteStore store, CancellationToken stop)
    {
        try
        {
            await using var connection = await store.OpenAsync(stop);
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            using var timer = new PeriodicTimer(Interval);
            while (await timer.WaitForNextTickAsync(stop))
            {
                checkpoint.ExecuteNonQuery();
            }
        }
        catch (OperationCanceledException)
        {
            // The import finished.
        }
        catch (SqliteException)
        {
            // A checkpoint that cannot run now is retried by the next one, or by SQLite's own autocheckpoint.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
