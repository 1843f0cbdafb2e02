using Concord.Server.Tests.Node;
using Microsoft.Data.Sqlite;

namespace Concord.Server.Tests.Regressions;

/// <summary>
/// An import session took SQLite's write lock when it started and took it again right after each batch, so the
/// lock was held while the request body was still being uploaded and parsed. Every other write waited —
/// including the audit record every read leaves — so one slow upload, or a handful of imports at once on two
/// cores, left reads blocked for the 30 s busy timeout and then failing with 500 "database is locked".
/// A session now holds the lock only while it writes a batch (all-or-nothing imports keep one transaction, as
/// they must, from their first batch to the end). Import/ConcurrentImportTests shows the failure end to end.
/// </summary>
public sealed class Issue_an_import_locks_the_node_while_its_upload_is_read
{
    [Fact]
    public async Task An_import_session_holds_no_write_lock_until_it_writes_nor_between_batches()
    {
        await using var node = await TestNode.StartAsync();

        await using (var session = await node.Store.Objects.BeginImportAsync(allOrNothing: false, CancellationToken.None))
        {
            Assert.True(await CanTakeWriteLockAsync(node.DatabasePath), "the session holds the write lock before writing anything");
            await session.WriteAsync([], CancellationToken.None);
            Assert.True(await CanTakeWriteLockAsync(node.DatabasePath), "the session holds the write lock after a batch");
            await session.CommitAsync(CancellationToken.None);
        }

        Assert.True(await CanTakeWriteLockAsync(node.DatabasePath));
    }

    /// <summary>Tries BEGIN IMMEDIATE (for at most a second): true when no other connection holds the write lock.</summary>
    private static async Task<bool> CanTakeWriteLockAsync(string path)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 1 }.ToString());
        await connection.OpenAsync();
        try
        {
            foreach (var sql in new[] { "PRAGMA busy_timeout = 0", "BEGIN IMMEDIATE", "ROLLBACK" })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync();
            }

            return true;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 5)
        {
            return false;
        }
    }
}
