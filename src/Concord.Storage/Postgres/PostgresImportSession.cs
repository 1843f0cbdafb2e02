using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Domain.Versioning;
using Concord.Storage.Objects;
using Npgsql;
using NpgsqlTypes;

namespace Concord.Storage.Postgres;

/// <summary>
/// Writes object versions in bulk. For each batch it reads what is held of the batch's ids with one query,
/// decides every record in order with <see cref="VersionRule.Decide"/> (counting the batch's earlier
/// records, as a row-by-row writer would), reserves the accepted rows' keys with one <c>nextval</c> query, and
/// writes them with binary <c>COPY</c>: versions through a session-local staging table (so the server builds
/// each search vector), release rows straight into their table. The rare rows of a peer's arrivals — signatures, and
/// releases merged into a held version of the same content — follow in one statement each, only when a batch has
/// them. Each batch is one transaction, or the whole
/// session is when all-or-nothing; a transaction-scoped advisory lock keeps importers from interleaving, so
/// version keys become visible in the order they were given and a paging cursor never skips one.
/// </summary>
internal sealed class PostgresImportSession : IImportSession
{
    private const string StageName = "concord_import_stage";
    private const string Stage = "pg_temp." + StageName;
    private const string VersionColumns = "pk, object_id, type, version, originator, revoked, tlp, caveats, purpose, restriction, grading, added, digest, json";

    private readonly PostgresStore _store;
    private readonly NpgsqlConnection _connection;
    private readonly bool _allOrNothing;
    private NpgsqlTransaction? _transaction;

    private PostgresImportSession(PostgresStore store, NpgsqlConnection connection, bool allOrNothing)
    {
        _store = store;
        _connection = connection;
        _allOrNothing = allOrNothing;
    }

    public static async Task<PostgresImportSession> StartAsync(PostgresStore store, NpgsqlConnection connection, bool allOrNothing, CancellationToken cancellationToken)
    {
        // Created outside any transaction so it outlives a rolled-back batch; it lives as long as the connection's session.
        await using var create = new NpgsqlCommand(
            $"CREATE TEMP TABLE IF NOT EXISTS {StageName} (pk bigint, object_id text, type text, version bigint, originator text, revoked boolean, "
            + "tlp integer, caveats integer, purpose text, restriction text, grading text, added bigint, digest bytea, json bytea, search_text text)",
            connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return new PostgresImportSession(store, connection, allOrNothing);
    }

    public async Task<IReadOnlyList<VersionVerdict>> WriteAsync(IReadOnlyList<VersionRecord> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var verdicts = new VersionVerdict[batch.Count];
        if (batch.Count == 0)
        {
            return verdicts;
        }

        if (_transaction is null)
        {
            _transaction = await _connection.BeginTransactionAsync(cancellationToken);
            await _store.LockAsync(_connection, _transaction, "import", cancellationToken);
        }

        var ids = batch.Select(r => r.Object.Id.ToString()).Distinct(StringComparer.Ordinal).ToArray();
        var held = await ReadHeldAsync(ids, cancellationToken);
        // Releases of held versions, for the batch's revocations and declassifications (read once for all of them).
        var reaching = batch.Where(r => r.Object.Revoked || held.ContainsKey(r.Object.Id.ToString())).Select(r => r.Object.Id.ToString()).Distinct(StringComparer.Ordinal).ToArray();
        var earlier = reaching.Length == 0 ? [] : await ReadReleasesAsync(reaching, cancellationToken);
        var accepted = new List<(VersionRecord Record, Release Release)>();
        var merged = new List<VersionRecord>();
        var lateUnderRevocation = new List<int>();
        for (var i = 0; i < batch.Count; i++)
        {
            var record = batch[i];
            var obj = record.Object;
            var id = obj.Id.ToString();
            var originator = record.Distribution.Originator;
            if (!held.TryGetValue(id, out var versions))
            {
                versions = [];
                held[id] = versions;
            }

            verdicts[i] = VersionRule.Decide(versions, obj.Type, originator, obj.Version.Ticks, record.Digest);
            if (verdicts[i] == VersionVerdict.Conflict && record.MergeRelease && HoldsSameContent(versions, record))
            {
                // The held version (stored, or accepted earlier in this batch) gains the release after the batch's copies.
                verdicts[i] = VersionVerdict.Unchanged;
                merged.Add(record);
                ReachedOf(earlier, id, originator).AddRange(Rows(record.Distribution.Release));
                continue;
            }

            if (verdicts[i] != VersionVerdict.Insert)
            {
                continue;
            }

            var reached = ReachedOf(earlier, id, originator);

            var reachesEarlier = Propagation.ReachesEarlierRecipients(obj.Revoked, record.Distribution.Tlp, obj.Version.Ticks, originator, versions);
            var release = reachesEarlier ? RevocationReach.Widen(record.Distribution.Release, reached) : record.Distribution.Release;
            if (!obj.Revoked && versions.Any(v => v.Revoked && v.Originator == originator && v.Version > obj.Version.Ticks))
            {
                lateUnderRevocation.Add(accepted.Count);
            }

            // Later records of this batch are decided against this one, as if it were already stored.
            versions.Add(new ExistingVersion(originator, obj.Version.Ticks, obj.Revoked, record.Digest, record.Distribution.Tlp));
            reached.AddRange(Rows(release));
            accepted.Add((record, release));
        }

        if (accepted.Count > 0)
        {
            var pks = await ReserveKeysAsync(accepted.Count, cancellationToken);
            await CopyVersionsAsync(accepted, pks, cancellationToken);
            await CopyReleasesAsync(accepted, pks, cancellationToken);
            await WriteSignaturesAsync(accepted, pks, cancellationToken);
            foreach (var index in lateUnderRevocation)
            {
                await ReachLaterRevocationsAsync(accepted[index].Record, pks[index], cancellationToken);
            }
        }

        if (merged.Count > 0)
        {
            await MergeReleasesAsync(merged, cancellationToken);
        }

        if (!_allOrNothing)
        {
            await CommitAsync(cancellationToken);
        }

        return verdicts;
    }

    /// <summary>An earlier version arrived after the object's revocation: the revocation reaches its recipients too.</summary>
    private async Task ReachLaterRevocationsAsync(VersionRecord record, long pk, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO version_release (version_pk, kind, target, granted_by) "
            + "SELECT v.pk, r.kind, r.target, r.granted_by FROM object_version v JOIN version_release r ON r.version_pk = @pk "
            + "WHERE v.object_id = @id AND v.originator = @originator AND v.revoked AND v.version > @version ON CONFLICT DO NOTHING",
            _connection,
            _transaction);
        command.Parameters.Add(new NpgsqlParameter<long>("pk", NpgsqlDbType.Bigint) { TypedValue = pk });
        command.Parameters.Add(new NpgsqlParameter<string>("id", NpgsqlDbType.Text) { TypedValue = record.Object.Id.ToString() });
        command.Parameters.Add(new NpgsqlParameter<string>("originator", NpgsqlDbType.Text) { TypedValue = record.Distribution.Originator.Value });
        command.Parameters.Add(new NpgsqlParameter<long>("version", NpgsqlDbType.Bigint) { TypedValue = record.Object.Version.Ticks });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The release rows already given to earlier versions of the object by the originator (added to as the batch goes).</summary>
    private static List<(int, string)> ReachedOf(Dictionary<(string, string), List<(int, string)>> earlier, string id, PartyId originator)
    {
        var key = (id, originator.Value);
        if (!earlier.TryGetValue(key, out var reached))
        {
            reached = [];
            earlier[key] = reached;
        }

        return reached;
    }

    /// <summary>True when the version held under the record's key has the record's content (whatever its release).</summary>
    private static bool HoldsSameContent(List<ExistingVersion> versions, VersionRecord record) =>
        versions.Any(v => v.Originator == record.Distribution.Originator && v.Version == record.Object.Version.Ticks && VersionDigest.SameContent(v.Digest.Span, record.Digest));

    /// <summary>Adds each record's release to the held version with the record's key (see <see cref="VersionRecord.MergeRelease"/>).</summary>
    private async Task MergeReleasesAsync(List<VersionRecord> records, CancellationToken cancellationToken)
    {
        var rows = records.SelectMany(r => Rows(r.Distribution.Release).Select(row => (Record: r, row.Kind, row.Target))).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            "INSERT INTO version_release (version_pk, kind, target, granted_by) SELECT v.pk, m.kind, m.target, m.originator "
            + "FROM unnest(@ids, @versions, @originators, @kinds, @targets) AS m(object_id, version, originator, kind, target) "
            + "JOIN object_version v ON v.object_id = m.object_id AND v.version = m.version AND v.originator = m.originator ON CONFLICT DO NOTHING",
            _connection,
            _transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = rows.Select(r => r.Record.Object.Id.ToString()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<long[]>("versions", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = rows.Select(r => r.Record.Object.Version.Ticks).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]>("originators", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = rows.Select(r => r.Record.Distribution.Originator.Value).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<int[]>("kinds", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = rows.Select(r => r.Kind).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]>("targets", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = rows.Select(r => r.Target).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Stores the signatures that came with accepted versions (from a peer); local imports have none.</summary>
    private async Task WriteSignaturesAsync(List<(VersionRecord Record, Release Release)> accepted, long[] pks, CancellationToken cancellationToken)
    {
        var signed = Enumerable.Range(0, accepted.Count).Where(i => accepted[i].Record.Signature is not null).ToArray();
        if (signed.Length == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            "INSERT INTO version_signature (version_pk, signature) SELECT * FROM unnest(@pks, @signatures) ON CONFLICT DO NOTHING",
            _connection,
            _transaction);
        command.Parameters.Add(new NpgsqlParameter<long[]>("pks", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = signed.Select(i => pks[i]).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<byte[][]>("signatures", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = signed.Select(i => accepted[i].Record.Signature!).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static IEnumerable<(int Kind, string Target)> Rows(Release release) =>
        release.Parties.Select(p => (VersionRow.PartyKind, p.Value)).Concat(release.Channels.Select(c => (VersionRow.ChannelKind, c.Value)));

    private async Task<Dictionary<string, List<ExistingVersion>>> ReadHeldAsync(string[] ids, CancellationToken cancellationToken)
    {
        var held = new Dictionary<string, List<ExistingVersion>>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT object_id, originator, version, revoked, digest, tlp FROM object_version WHERE object_id = ANY(@ids)", _connection, _transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = ids });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            if (!held.TryGetValue(id, out var versions))
            {
                versions = [];
                held[id] = versions;
            }

            versions.Add(new ExistingVersion(PartyId.Parse(reader.GetString(1)), reader.GetInt64(2), reader.GetBoolean(3), reader.GetFieldValue<byte[]>(4), reader.IsDBNull(5) ? null : (TlpLevel)reader.GetInt32(5)));
        }

        return held;
    }

    /// <summary>The release rows of every held version of these objects, by object and originator (for revocations).</summary>
    private async Task<Dictionary<(string, string), List<(int, string)>>> ReadReleasesAsync(string[] ids, CancellationToken cancellationToken)
    {
        var releases = new Dictionary<(string, string), List<(int, string)>>();
        await using var command = new NpgsqlCommand(
            "SELECT DISTINCT v.object_id, v.originator, r.kind, r.target FROM version_release r JOIN object_version v ON v.pk = r.version_pk WHERE v.object_id = ANY(@ids)",
            _connection,
            _transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = ids });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (reader.GetString(0), reader.GetString(1));
            if (!releases.TryGetValue(key, out var rows))
            {
                rows = [];
                releases[key] = rows;
            }

            rows.Add((reader.GetInt32(2), reader.GetString(3)));
        }

        return releases;
    }

    private async Task<long[]> ReserveKeysAsync(int count, CancellationToken cancellationToken)
    {
        var pks = new long[count];
        await using var command = new NpgsqlCommand($"SELECT nextval('{PostgresSchema.VersionSequence}') FROM generate_series(1, @n)", _connection, _transaction);
        command.Parameters.Add(new NpgsqlParameter<int>("n", NpgsqlDbType.Integer) { TypedValue = count });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var i = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            pks[i++] = reader.GetInt64(0);
        }

        // Keys follow input order, so the latest of two versions with the same modified time is the later one.
        Array.Sort(pks);
        return pks;
    }

    private async Task CopyVersionsAsync(List<(VersionRecord Record, Release Release)> accepted, long[] pks, CancellationToken cancellationToken)
    {
        var added = DateTimeOffset.UtcNow.UtcTicks;
        await using (var copy = await _connection.BeginBinaryImportAsync($"COPY {Stage} ({VersionColumns}, search_text) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < accepted.Count; i++)
            {
                var (record, _) = accepted[i];
                var obj = record.Object;
                var distribution = record.Distribution;
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(pks[i], NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(obj.Id.ToString(), NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(obj.Type, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(obj.Version.Ticks, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(distribution.Originator.Value, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(obj.Revoked, NpgsqlDbType.Boolean, cancellationToken);
                await WriteNullableAsync(copy, distribution.Tlp is { } tlp ? (int)tlp : null, cancellationToken);
                await copy.WriteAsync((int)distribution.Handling.Caveats, NpgsqlDbType.Integer, cancellationToken);
                await WriteNullableAsync(copy, distribution.Handling.Purpose, cancellationToken);
                await WriteNullableAsync(copy, distribution.Handling.Restriction, cancellationToken);
                await WriteNullableAsync(copy, record.Grading?.ToString(), cancellationToken);
                await copy.WriteAsync(added, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(record.Digest, NpgsqlDbType.Bytea, cancellationToken);
                await copy.WriteAsync(obj.Json, NpgsqlDbType.Bytea, cancellationToken);
                await copy.WriteAsync(SearchTerms.ToIndexText(obj.SearchText), NpgsqlDbType.Text, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using var move = new NpgsqlCommand(
            $"WITH staged AS (DELETE FROM {Stage} RETURNING *) INSERT INTO object_version ({VersionColumns}, search) "
            + $"SELECT {VersionColumns}, to_tsvector('simple', search_text) FROM staged",
            _connection,
            _transaction);
        await move.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task CopyReleasesAsync(List<(VersionRecord Record, Release Release)> accepted, long[] pks, CancellationToken cancellationToken)
    {
        await using var copy = await _connection.BeginBinaryImportAsync("COPY version_release (version_pk, kind, target, granted_by) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var i = 0; i < accepted.Count; i++)
        {
            var (record, release) = accepted[i];
            foreach (var (kind, target) in Rows(release))
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(pks[i], NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(kind, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(target, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(record.Distribution.Originator.Value, NpgsqlDbType.Text, cancellationToken);
            }
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(cancellationToken);
        }
        else
        {
            await copy.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
        }
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, int? value, CancellationToken cancellationToken)
    {
        if (value is { } v)
        {
            await copy.WriteAsync(v, NpgsqlDbType.Integer, cancellationToken);
        }
        else
        {
            await copy.WriteNullAsync(cancellationToken);
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            await _transaction.CommitAsync(cancellationToken);
            await _transaction.DisposeAsync();
            _transaction = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            // Not committed: an all-or-nothing import that was refused or failed.
            await _transaction.DisposeAsync();
            _transaction = null;
        }

        await _connection.DisposeAsync();
    }
}
