using Microsoft.Data.Sqlite;

namespace Concord.Storage.Sqlite;

/// <summary>
/// Moves WAL checkpoints off the writing threads. Once a store has seen a bulk writer (an import, or a page a peer
/// pushed), its connections stop checkpointing on commit and this runs a passive checkpoint on a connection of its own
/// every quarter second until the store is disposed. The disk work a checkpoint waits for then overlaps the writers'
/// work instead of stalling whichever commit happened to cross the WAL threshold, and the WAL stays short, so page
/// reads do not search a long WAL index. Each commit stays as durable as before (WAL, synchronous=NORMAL).
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
                try
                {
                    Tick(store, checkpoint);
                }
                catch (SqliteException)
                {
                    // A checkpoint that cannot run now (the file busy, the disk full) is retried on the next tick.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The store is being disposed.
        }
    }

    /// <summary>
    /// Frames the WAL may hold before the next bulk commit restarts it (64 MiB of 4 KiB pages). Passive checkpoints copy
    /// frames into the database as they come, but the log starts over only when a checkpoint has copied all of it with
    /// no write in between, which a bulk writer never leaves room for: without a restart the file grew by the whole of a
    /// 1,000,000-object import (1.6 GB).
    /// </summary>
    internal static long RestartFrames { get; set; } = 16_384;

    /// <summary>One passive checkpoint; when the log is long, asks the store's next bulk commit to restart it.</summary>
    internal static void Tick(SqliteStore store, SqliteCommand checkpoint)
    {
        using var reader = checkpoint.ExecuteReader();
        if (reader.Read() && !reader.IsDBNull(1) && reader.GetInt64(1) >= RestartFrames)
        {
            store.WalRestartWanted = true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
