using System.Runtime.InteropServices;
using System.Text.Json;
using Concord.Domain.Releasability;
using Concord.Domain.Versioning;
using Concord.Storage.Objects;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Sqlite;

/// <summary>
/// Writes object versions with prepared statements inside IMMEDIATE transactions: one per batch, or one for the
/// whole session (from its first batch) when all-or-nothing. A transaction begins when a batch arrives, so no
/// write lock is held while the input is still arriving, and between batches of a per-batch import other writers
/// (audit appends, the directory) get their turn. Version keys are assigned from the table's maximum while the
/// write lock is held, so release rows can be written without a round trip per row.
/// </summary>
internal sealed class SqliteImportSession : IImportSession
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCheckpointer _checkpointer;
    private readonly bool _allOrNothing;
    private SqliteTransaction? _transaction;
    private long _nextPk;
    private readonly SqliteCommand _existing;
    private readonly SqliteCommand _insertVersion;
    private readonly SqliteCommand _insertRelease;
    private readonly SqliteCommand _insertText;
    private readonly SqliteCommand _earlierRelease;
    private readonly SqliteCommand _laterRevocations;

    private SqliteImportSession(SqliteConnection connection, SqliteCheckpointer checkpointer, bool allOrNothing)
    {
        _connection = connection;
        _checkpointer = checkpointer;
        _allOrNothing = allOrNothing;
        _existing = Prepare("SELECT object_id, originator, version, revoked, digest FROM object_version WHERE object_id IN (SELECT value FROM json_each($ids))", "$ids");
        _insertVersion = Prepare(
            "INSERT INTO object_version (pk, object_id, type, version, originator, revoked, tlp, caveats, purpose, restriction, grading, added, digest, json) "
            + "VALUES ($pk, $id, $type, $version, $originator, $revoked, $tlp, $caveats, $purpose, $restriction, $grading, $added, $digest, $json)",
            "$pk", "$id", "$type", "$version", "$originator", "$revoked", "$tlp", "$caveats", "$purpose", "$restriction", "$grading", "$added", "$digest", "$json");
        _insertRelease = Prepare("INSERT OR IGNORE INTO version_release (version_pk, kind, target, granted_by) VALUES ($pk, $kind, $target, $by)", "$pk", "$kind", "$target", "$by");
        _insertText = Prepare("INSERT INTO object_text (rowid, text) VALUES ($pk, $text)", "$pk", "$text");
        _earlierRelease = Prepare(
            "SELECT DISTINCT r.kind, r.target FROM version_release r JOIN object_version v ON v.pk = r.version_pk WHERE v.object_id = $id AND v.originator = $originator",
            "$id", "$originator");
        _laterRevocations = Prepare(
            "SELECT pk FROM object_version WHERE object_id = $id AND originator = $originator AND revoked = 1 AND version > $version",
            "$id", "$originator", "$version");
    }

    /// <summary>
    /// Starts a session. No transaction (so no write lock) is taken until a batch is written: the input may still be
    /// arriving over the network, and every other writer — the audit record of each read among them — would wait.
    /// </summary>
    public static Task<SqliteImportSession> StartAsync(SqliteStore store, SqliteConnection connection, bool allOrNothing, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        SetAutocheckpoint(connection, 0);
        return Task.FromResult(new SqliteImportSession(connection, SqliteCheckpointer.Start(store), allOrNothing));
    }

    private static void SetAutocheckpoint(SqliteConnection connection, int pages)
    {
        using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA wal_autocheckpoint = {pages};";
        pragma.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql, params string[] names)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private async Task BeginAsync(CancellationToken cancellationToken)
    {
        _transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
        foreach (var command in new[] { _existing, _insertVersion, _insertRelease, _insertText, _earlierRelease, _laterRevocations })
        {
            command.Transaction = _transaction;
        }

        using var max = _connection.CreateCommand();
        max.Transaction = _transaction;
        max.CommandText = "SELECT coalesce(max(pk), 0) FROM object_version";
        _nextPk = (long)(await max.ExecuteScalarAsync(cancellationToken))! + 1;
    }

    public async Task<IReadOnlyList<VersionVerdict>> WriteAsync(IReadOnlyList<VersionRecord> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return [];
        }

        if (_transaction is null)
        {
            await BeginAsync(cancellationToken);
        }

        var verdicts = new VersionVerdict[batch.Count];
        var added = DateTimeOffset.UtcNow.UtcTicks;
        var ids = new string[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            ids[i] = batch[i].Object.Id.ToString();
        }

        var held = ReadExisting(ids);
        for (var i = 0; i < batch.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var record = batch[i];
            var obj = record.Object;
            var distribution = record.Distribution;
            var idText = ids[i];
            if (!held.TryGetValue(idText, out var existing))
            {
                existing = [];
                held[idText] = existing;
            }

            verdicts[i] = VersionRule.Decide(existing, obj.Type, distribution.Originator, obj.Version.Ticks, record.Digest);
            if (verdicts[i] != VersionVerdict.Insert)
            {
                continue;
            }

            // Later records of this batch see this one, as they would have seen a stored row.
            existing.Add(new ExistingVersion(distribution.Originator, obj.Version.Ticks, obj.Revoked, record.Digest));

            var release = distribution.Release;
            if (obj.Revoked && existing.Count > 1)
            {
                release = RevocationReach.Widen(release, ReadEarlierRelease(idText, distribution.Originator));
            }

            var pk = _nextPk++;
            var p = _insertVersion.Parameters;
            p[0].Value = pk;
            p[1].Value = idText;
            p[2].Value = obj.Type;
            p[3].Value = obj.Version.Ticks;
            p[4].Value = distribution.Originator.Value;
            p[5].Value = obj.Revoked ? 1 : 0;
            p[6].Value = distribution.Tlp is { } tlp ? (int)tlp : DBNull.Value;
            p[7].Value = (int)distribution.Handling.Caveats;
            p[8].Value = (object?)distribution.Handling.Purpose ?? DBNull.Value;
            p[9].Value = (object?)distribution.Handling.Restriction ?? DBNull.Value;
            p[10].Value = record.Grading is { } g ? g.ToString() : DBNull.Value;
            p[11].Value = added;
            p[12].Value = record.Digest;
            p[13].Value = MemoryMarshal.TryGetArray(obj.Json, out var json) && json.Offset == 0 && json.Count == json.Array!.Length ? json.Array : obj.Json.ToArray();
            _insertVersion.ExecuteNonQuery();
            WriteRelease(pk, release, distribution.Originator);
            if (!obj.Revoked && existing.Any(e => e.Revoked && e.Originator == distribution.Originator && e.Version > obj.Version.Ticks))
            {
                // An earlier version arriving after the revocation: the revocation must reach its recipients too.
                foreach (var revocation in ReadLaterRevocations(idText, distribution.Originator, obj.Version.Ticks))
                {
                    WriteRelease(revocation, release, distribution.Originator);
                }
            }

            if (obj.SearchText.Length > 0)
            {
                _insertText.Parameters[0].Value = pk;
                _insertText.Parameters[1].Value = obj.SearchText;
                _insertText.ExecuteNonQuery();
            }
        }

        if (!_allOrNothing)
        {
            await CommitAsync(cancellationToken);
        }

        return verdicts;
    }

    // SQLite runs in-process: the hot path calls it synchronously, which spares a task per statement, and reads
    // what is held of a whole batch's ids with one statement.
    private Dictionary<string, List<ExistingVersion>> ReadExisting(string[] ids)
    {
        _existing.Parameters[0].Value = JsonSerializer.Serialize(ids, StorageJson.Default.StringArray);
        var result = new Dictionary<string, List<ExistingVersion>>(StringComparer.Ordinal);
        using var reader = _existing.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (!result.TryGetValue(id, out var versions))
            {
                versions = [];
                result[id] = versions;
            }

            versions.Add(new ExistingVersion(PartyId.Parse(reader.GetString(1)), reader.GetInt64(2), reader.GetInt64(3) != 0, (byte[])reader.GetValue(4)));
        }

        return result;
    }

    private List<(int, string)> ReadEarlierRelease(string id, PartyId originator)
    {
        _earlierRelease.Parameters[0].Value = id;
        _earlierRelease.Parameters[1].Value = originator.Value;
        var result = new List<(int, string)>();
        using var reader = _earlierRelease.ExecuteReader();
        while (reader.Read())
        {
            result.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return result;
    }

    private List<long> ReadLaterRevocations(string id, PartyId originator, long version)
    {
        _laterRevocations.Parameters[0].Value = id;
        _laterRevocations.Parameters[1].Value = originator.Value;
        _laterRevocations.Parameters[2].Value = version;
        var result = new List<long>();
        using var reader = _laterRevocations.ExecuteReader();
        while (reader.Read())
        {
            result.Add(reader.GetInt64(0));
        }

        return result;
    }

    private void WriteRelease(long pk, Release release, PartyId by)
    {
        var p = _insertRelease.Parameters;
        p[0].Value = pk;
        p[3].Value = by.Value;
        foreach (var party in release.Parties)
        {
            p[1].Value = VersionRow.PartyKind;
            p[2].Value = party.Value;
            _insertRelease.ExecuteNonQuery();
        }

        foreach (var channel in release.Channels)
        {
            p[1].Value = VersionRow.ChannelKind;
            p[2].Value = channel.Value;
            _insertRelease.ExecuteNonQuery();
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
            // Not committed: an all-or-nothing import that was refused, or one cut short by an error.
            await _transaction.RollbackAsync();
            await _transaction.DisposeAsync();
        }

        foreach (var command in new[] { _existing, _insertVersion, _insertRelease, _insertText, _earlierRelease, _laterRevocations })
        {
            await command.DisposeAsync();
        }

        await _checkpointer.DisposeAsync();
        SetAutocheckpoint(_connection, 1000);
        await _connection.DisposeAsync();
    }
}
