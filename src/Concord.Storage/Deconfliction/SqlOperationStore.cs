using System.Data.Common;
using Concord.Domain.Deconfliction;
using Concord.Domain.Directory;
using Concord.Domain.Releasability;

namespace Concord.Storage.Deconfliction;

/// <summary>
/// Operations on either backend: the SQL is written once in the dialect SQLite and PostgreSQL share (named
/// parameters, <c>RETURNING</c>, ticks in integers); a backend supplies only how to open a connection and how to
/// begin a transaction that holds the node's deconfliction lock (SQLite's write lock; a PostgreSQL advisory lock).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "A SemaphoreSlim whose wait handle is never asked for holds nothing to dispose.")]
internal sealed class SqlOperationStore(
    Func<CancellationToken, Task<DbConnection>> open,
    Func<DbConnection, CancellationToken, Task<DbTransaction>> beginLocked) : IOperationStore
{
    private const string VersionColumns = "seq, op_id, version, party, recorded_by, recorded, status, plan";
    private const string ConflictColumns = "id, op_a, party_a, op_b, party_b, state, detected, updated, notice_a, notice_b, ack_a, ack_b, resolution";
    private readonly SemaphoreSlim _gate = new(1, 1);

    public OperationIndexCache Cache { get; } = new();

    public async Task<T> InTransactionAsync<T>(Func<IOperationTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await open(cancellationToken);
            await using var transaction = await beginLocked(connection, cancellationToken);
            var result = await work(new Transaction(connection, transaction, cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<IReadOnlyList<OperationRow>> ListAsync(PartyId party, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {VersionColumns} FROM operation_version v WHERE party = @party AND version = (SELECT max(version) FROM operation_version w WHERE w.op_id = v.op_id) ORDER BY seq DESC",
            c => Add(c, "party", party.Value),
            ReadVersion,
            cancellationToken);

    public Task<IReadOnlyList<OperationRow>> HistoryAsync(PartyId party, OperationId id, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {VersionColumns} FROM operation_version WHERE party = @party AND op_id = @id ORDER BY version",
            c =>
            {
                Add(c, "party", party.Value);
                Add(c, "id", id.Value);
            },
            ReadVersion,
            cancellationToken);

    public Task<IReadOnlyList<ConflictRow>> ConflictsAsync(PartyId party, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {ConflictColumns} FROM operation_conflict WHERE party_a = @party OR party_b = @party ORDER BY detected DESC, id",
            c => Add(c, "party", party.Value),
            ReadConflict,
            cancellationToken);

    public Task<IReadOnlyList<OperationEvent>> EventsAsync(PartyId party, long after, int limit, CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT seq, party, conflict_id, type, at, body FROM operation_event WHERE party = @party AND seq > @after ORDER BY seq LIMIT @limit",
            c =>
            {
                Add(c, "party", party.Value);
                Add(c, "after", after);
                Add(c, "limit", (long)limit);
            },
            ReadEvent,
            cancellationToken);

    public Task<IReadOnlyList<OperationEvent>> AllEventsAsync(long after, int limit, CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT seq, party, conflict_id, type, at, body FROM operation_event WHERE seq > @after ORDER BY seq LIMIT @limit",
            c =>
            {
                Add(c, "after", after);
                Add(c, "limit", (long)limit);
            },
            ReadEvent,
            cancellationToken);

    public async Task<long> LastEventAsync(CancellationToken cancellationToken) =>
        (await QueryAsync("SELECT coalesce(max(seq), 0) FROM operation_event", _ => { }, r => Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), cancellationToken))[0];

    public async Task SetWebhookAsync(PartyId party, WebhookTarget? target, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await using var command = connection.CreateCommand();
        Add(command, "party", party.Value);
        if (target is null)
        {
            command.CommandText = "DELETE FROM operation_webhook WHERE party = @party";
        }
        else
        {
            command.CommandText = "INSERT INTO operation_webhook (party, url, secret, updated) VALUES (@party, @url, @secret, @updated) ON CONFLICT (party) DO UPDATE SET url = excluded.url, secret = excluded.secret, updated = excluded.updated";
            Add(command, "url", target.Url.ToString());
            Add(command, "secret", target.Secret);
            Add(command, "updated", DateTimeOffset.UtcNow.UtcTicks);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<WebhookTarget?> WebhookAsync(PartyId party, CancellationToken cancellationToken) =>
        (await QueryAsync(
            "SELECT party, url, secret FROM operation_webhook WHERE party = @party",
            c => Add(c, "party", party.Value),
            r => new WebhookTarget(PartyId.Parse(r.GetString(0)), new Uri(r.GetString(1)), r.GetString(2)),
            cancellationToken)).FirstOrDefault();

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Action<DbCommand> bind, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        return await ReadAllAsync(command, read, cancellationToken);
    }

    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(DbCommand command, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var result = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(read(reader));
        }

        return result;
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static long Long(DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset? Instant(DbDataReader r, int i) => r.IsDBNull(i) ? null : new DateTimeOffset(Long(r, i), TimeSpan.Zero);

    private static OperationRow ReadVersion(DbDataReader r) => new(
        Long(r, 0), OperationId.Parse(r.GetString(1)), (int)Long(r, 2), PartyId.Parse(r.GetString(3)), MemberId.Parse(r.GetString(4)),
        new DateTimeOffset(Long(r, 5), TimeSpan.Zero), Enum.Parse<OperationStatus>(r.GetString(6)), r.GetString(7));

    private static ConflictRow ReadConflict(DbDataReader r) => new(
        r.GetString(0), OperationId.Parse(r.GetString(1)), PartyId.Parse(r.GetString(2)), OperationId.Parse(r.GetString(3)), PartyId.Parse(r.GetString(4)),
        Enum.Parse<ConflictState>(r.GetString(5)), Instant(r, 6)!.Value, Instant(r, 7)!.Value, r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9),
        Instant(r, 10), Instant(r, 11), r.IsDBNull(12) ? null : r.GetString(12));

    private static OperationEvent ReadEvent(DbDataReader r) => new(
        Long(r, 0), PartyId.Parse(r.GetString(1)), r.GetString(2), r.GetString(3), new DateTimeOffset(Long(r, 4), TimeSpan.Zero), r.GetString(5));

    private sealed class Transaction(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) : IOperationTransaction
    {
        public Task<IReadOnlyList<OperationRow>> VersionsAfterAsync(long seq) =>
            Query($"SELECT {VersionColumns} FROM operation_version WHERE seq > @seq ORDER BY seq", c => Add(c, "seq", seq), ReadVersion);

        public async Task<OperationRow?> LatestAsync(OperationId id) =>
            (await Query($"SELECT {VersionColumns} FROM operation_version WHERE op_id = @id ORDER BY version DESC LIMIT 1", c => Add(c, "id", id.Value), ReadVersion)).FirstOrDefault();

        public async Task<long> AddVersionAsync(OperationVersion version, string plan)
        {
            ArgumentNullException.ThrowIfNull(version);
            var rows = await Query(
                "INSERT INTO operation_version (op_id, version, party, recorded_by, recorded, status, plan) VALUES (@id, @version, @party, @by, @recorded, @status, @plan) RETURNING seq",
                c =>
                {
                    Add(c, "id", version.Id.Value);
                    Add(c, "version", (long)version.Version);
                    Add(c, "party", version.Party.Value);
                    Add(c, "by", version.RecordedBy.ToString());
                    Add(c, "recorded", version.Recorded.UtcTicks);
                    Add(c, "status", version.Status.ToString());
                    Add(c, "plan", plan);
                },
                r => Long(r, 0));
            return rows[0];
        }

        public async Task<ConflictRow?> ConflictAsync(string id) =>
            (await Query($"SELECT {ConflictColumns} FROM operation_conflict WHERE id = @id", c => Add(c, "id", id), ReadConflict)).FirstOrDefault();

        public Task<IReadOnlyList<ConflictRow>> OpenConflictsAsync(OperationId id) =>
            Query(
                $"SELECT {ConflictColumns} FROM operation_conflict WHERE (op_a = @id OR op_b = @id) AND state IN ('Open', 'Acknowledged', 'Escalated') ORDER BY detected, id",
                c => Add(c, "id", id.Value),
                ReadConflict);

        public Task AddConflictAsync(ConflictRow conflict) =>
            Execute($"INSERT INTO operation_conflict ({ConflictColumns}) VALUES (@id, @op_a, @party_a, @op_b, @party_b, @state, @detected, @updated, @notice_a, @notice_b, @ack_a, @ack_b, @resolution)", conflict);

        public Task UpdateConflictAsync(ConflictRow conflict) =>
            Execute("UPDATE operation_conflict SET state = @state, updated = @updated, notice_a = @notice_a, notice_b = @notice_b, ack_a = @ack_a, ack_b = @ack_b, resolution = @resolution WHERE id = @id AND op_a = @op_a AND party_a = @party_a AND op_b = @op_b AND party_b = @party_b AND detected = @detected", conflict);

        public async Task AddEventAsync(PartyId party, string conflictId, string type, DateTimeOffset at, string body)
        {
            await using var command = Command("INSERT INTO operation_event (party, conflict_id, type, at, body) VALUES (@party, @conflict, @type, @at, @body)");
            Add(command, "party", party.Value);
            Add(command, "conflict", conflictId);
            Add(command, "type", type);
            Add(command, "at", at.UtcTicks);
            Add(command, "body", body);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        private async Task Execute(string sql, ConflictRow conflict)
        {
            ArgumentNullException.ThrowIfNull(conflict);
            await using var command = Command(sql);
            Add(command, "id", conflict.Id);
            Add(command, "op_a", conflict.OperationA.Value);
            Add(command, "party_a", conflict.PartyA.Value);
            Add(command, "op_b", conflict.OperationB.Value);
            Add(command, "party_b", conflict.PartyB.Value);
            Add(command, "state", conflict.State.ToString());
            Add(command, "detected", conflict.Detected.UtcTicks);
            Add(command, "updated", conflict.Updated.UtcTicks);
            Add(command, "notice_a", conflict.NoticeA);
            Add(command, "notice_b", conflict.NoticeB);
            Add(command, "ack_a", conflict.AckA?.UtcTicks);
            Add(command, "ack_b", conflict.AckB?.UtcTicks);
            Add(command, "resolution", conflict.Resolution);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        private DbCommand Command(string sql)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            return command;
        }

        private async Task<IReadOnlyList<T>> Query<T>(string sql, Action<DbCommand> bind, Func<DbDataReader, T> read)
        {
            await using var command = Command(sql);
            bind(command);
            return await ReadAllAsync(command, read, cancellationToken);
        }
    }
}
