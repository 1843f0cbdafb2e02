using System.Runtime.CompilerServices;
using Concord.Domain.Audit;
using Concord.Storage.Audit;
using Npgsql;
using NpgsqlTypes;

namespace Concord.Storage.Postgres;

/// <summary>
/// The audit chain on PostgreSQL. An append takes a transaction-scoped advisory lock for the schema's chain,
/// then reads the last entry (in a statement that starts after the lock is held, so it sees the previous
/// appender's commit) and writes the next one; appenders on any number of connections or nodes sharing the
/// schema queue behind one another and form one chain.
/// </summary>
internal sealed class PostgresAuditLog(PostgresStore store) : IAuditLog
{
    public async Task AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await store.LockAsync(connection, tx, "audit", cancellationToken);
        long last = 0;
        var previous = AuditChain.Genesis.ToArray();
        await using (var head = new NpgsqlCommand("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", connection, tx))
        await using (var reader = await head.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                last = reader.GetInt64(0);
                previous = reader.GetFieldValue<byte[]>(1);
            }
        }

        var entry = new AuditEntry(last + 1, new DateTimeOffset(record.At.UtcTicks, TimeSpan.Zero), record.Actor, record.Party, record.Action, record.Target, record.Purpose, record.Detail);
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO audit (seq, at, actor, party, action, target, purpose, detail, hash) VALUES (@seq, @at, @actor, @party, @action, @target, @purpose, @detail, @hash)",
            connection,
            tx))
        {
            insert.Parameters.Add(new NpgsqlParameter<long>("seq", NpgsqlDbType.Bigint) { TypedValue = entry.Sequence });
            insert.Parameters.Add(new NpgsqlParameter<long>("at", NpgsqlDbType.Bigint) { TypedValue = entry.At.UtcTicks });
            insert.Parameters.Add(Text("actor", entry.Actor));
            insert.Parameters.Add(Text("party", entry.Party));
            insert.Parameters.Add(Text("action", entry.Action));
            insert.Parameters.Add(Text("target", entry.Target));
            insert.Parameters.Add(Text("purpose", entry.Purpose));
            insert.Parameters.Add(Text("detail", entry.Detail));
            insert.Parameters.Add(new NpgsqlParameter<byte[]>("hash", NpgsqlDbType.Bytea) { TypedValue = AuditChain.Hash(previous, entry) });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    public async IAsyncEnumerable<(AuditEntry Entry, byte[] Hash)> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT seq, at, actor, party, action, target, purpose, detail, hash FROM audit ORDER BY seq", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = new AuditEntry(
                reader.GetInt64(0), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7));
            yield return (entry, reader.GetFieldValue<byte[]>(8));
        }
    }

    private static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };
}
