using System.Runtime.CompilerServices;
using Concord.Domain.Audit;
using Concord.Storage.Audit;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Sqlite;

/// <summary>
/// The audit chain on SQLite. Appends take the database write lock (BEGIN IMMEDIATE), read the last hash and
/// write the next entry in one transaction, so a server and a CLI writing at once still form one chain.
/// </summary>
internal sealed class SqliteAuditLog(SqliteStore store) : IAuditLog
{
    public async Task AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var lease = await store.LeaseWriterAsync(cancellationToken);
        var connection = lease.Connection;
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        long last = 0;
        var previous = AuditChain.Genesis.ToArray();
        using (var head = connection.CreateCommand())
        {
            head.Transaction = tx;
            head.CommandText = "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1";
            await using var reader = await head.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                last = reader.GetInt64(0);
                previous = (byte[])reader.GetValue(1);
            }
        }

        var entry = new AuditEntry(last + 1, new DateTimeOffset(record.At.UtcTicks, TimeSpan.Zero), record.Actor, record.Party, record.Action, record.Target, record.Purpose, record.Detail);
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO audit (seq, at, actor, party, action, target, purpose, detail, hash) VALUES ($seq, $at, $actor, $party, $action, $target, $purpose, $detail, $hash)";
            insert.Parameters.AddWithValue("$seq", entry.Sequence);
            insert.Parameters.AddWithValue("$at", entry.At.UtcTicks);
            insert.Parameters.AddWithValue("$actor", entry.Actor);
            insert.Parameters.AddWithValue("$party", (object?)entry.Party ?? DBNull.Value);
            insert.Parameters.AddWithValue("$action", entry.Action);
            insert.Parameters.AddWithValue("$target", (object?)entry.Target ?? DBNull.Value);
            insert.Parameters.AddWithValue("$purpose", (object?)entry.Purpose ?? DBNull.Value);
            insert.Parameters.AddWithValue("$detail", entry.Detail);
            insert.Parameters.AddWithValue("$hash", AuditChain.Hash(previous, entry));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    public async IAsyncEnumerable<(AuditEntry Entry, byte[] Hash)> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, at, actor, party, action, target, purpose, detail, hash FROM audit ORDER BY seq";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = new AuditEntry(
                reader.GetInt64(0), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7));
            yield return (entry, (byte[])reader.GetValue(8));
        }
    }
}
