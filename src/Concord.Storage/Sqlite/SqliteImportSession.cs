using System.Globalization;
using System.Text;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
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
    private readonly SqliteStore.WriterLease _lease;
    private readonly SqliteStore _store;
    private readonly SqliteConnection _connection;
    private readonly bool _allOrNothing;
    private SqliteTransaction? _transaction;
    private long _nextPk;
    private readonly SqliteStatement _existing;
    private readonly SqliteStatement _insertVersion;
    private readonly SqliteStatement _insertRelease;
    private readonly SqliteStatement _insertText;
    private readonly SqliteCommand _earlierRelease;
    private readonly SqliteCommand _laterRevocations;
    private readonly SqliteCommand _heldVersion;
    private readonly SqliteStatement _insertSignature;

    private SqliteImportSession(SqliteStore store, SqliteStore.WriterLease lease, bool allOrNothing)
    {
        _store = store;
        _lease = lease;
        var connection = _connection = lease.Connection;
        _allOrNothing = allOrNothing;
        // Rows of other ids that share a key come back too; they are filed under their own id, which nothing asks for.
        _existing = new SqliteStatement(connection, "SELECT object_id, originator, version, revoked, digest, tlp FROM object_version WHERE id_key = ?1");
        _insertVersion = new SqliteStatement(
            connection,
            "INSERT INTO object_version (pk, object_id, type, version, originator, revoked, tlp, caveats, purpose, restriction, grading, added, digest, json, id_key) "
            + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
        _insertRelease = new SqliteStatement(connection, "INSERT OR IGNORE INTO version_release (version_pk, kind, target, granted_by) VALUES (?1, ?2, ?3, ?4)");
        _insertText = new SqliteStatement(connection, "INSERT INTO object_text (rowid, text) VALUES (?1, ?2)");
        _insertSignature = new SqliteStatement(connection, "INSERT OR IGNORE INTO version_signature (version_pk, signature) VALUES (?1, ?2)");
        _heldVersion = Prepare("SELECT pk, digest FROM object_version WHERE id_key = $key AND object_id = $id AND version = $version AND originator = $originator", "$key", "$id", "$version", "$originator");
        _earlierRelease = Prepare(
            "SELECT DISTINCT r.kind, r.target FROM version_release r JOIN object_version v ON v.pk = r.version_pk WHERE v.id_key = $key AND v.object_id = $id AND v.originator = $originator",
            "$key", "$id", "$originator");
        _laterRevocations = Prepare(
            "SELECT pk FROM object_version WHERE id_key = $key AND object_id = $id AND originator = $originator AND revoked = 1 AND version > $version",
            "$key", "$id", "$originator", "$version");
    }

    /// <summary>
    /// Starts a session. No transaction (so no write lock) is taken until a batch is written: the input may still be
    /// arriving over the network, and every other writer — the audit record of each read among them — would wait.
    /// Checkpoints are the store's background checkpointer's from now on, so no commit here waits for one.
    /// </summary>
    public static async Task<SqliteImportSession> StartAsync(SqliteStore store, bool allOrNothing, CancellationToken cancellationToken)
    {
        store.StartBackgroundCheckpoints();
        return new SqliteImportSession(store, await store.LeaseWriterAsync(cancellationToken), allOrNothing);
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
        foreach (var command in new[] { _earlierRelease, _laterRevocations, _heldVersion })
        {
            command.Transaction = _transaction;
        }

        using var max = _connection.CreateCommand();
        max.Transaction = _transaction;
        // Above every key ever given out, also those of versions since purged: a push cursor may sit on one of them.
        max.CommandText = "SELECT max(coalesce((SELECT max(pk) FROM object_version), 0), coalesce((SELECT last FROM store_key WHERE name = 'object_version'), 0))";
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
        var keys = new long[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            ids[i] = batch[i].IdText;
            keys[i] = batch[i].IdKey;
        }

        var held = ReadExisting(keys);
        for (var i = 0; i < batch.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var record = batch[i];
            var obj = record.Object;
            var distribution = record.Distribution;
            var idText = ids[i];
            var key = keys[i];
            if (!held.TryGetValue(idText, out var existing))
            {
                existing = [];
                held[idText] = existing;
            }

            verdicts[i] = VersionRule.Decide(existing, obj.Type, distribution.Originator, obj.Version.Ticks, record.Digest);
            if (verdicts[i] == VersionVerdict.Conflict && record.MergeRelease && MergeRelease(key, idText, obj.Version.Ticks, record))
            {
                verdicts[i] = VersionVerdict.Unchanged;
            }

            if (verdicts[i] != VersionVerdict.Insert)
            {
                continue;
            }

            var reachesEarlier = Propagation.ReachesEarlierRecipients(obj.Revoked, distribution.Tlp, obj.Version.Ticks, distribution.Originator, existing);

            // Later records of this batch see this one, as they would have seen a stored row.
            existing.Add(new ExistingVersion(distribution.Originator, obj.Version.Ticks, obj.Revoked, record.Digest, distribution.Tlp));

            var release = distribution.Release;
            if (reachesEarlier)
            {
                release = RevocationReach.Widen(release, ReadEarlierRelease(key, idText, distribution.Originator));
            }

            var pk = _nextPk++;
            var v = _insertVersion;
            v.Bind(1, pk);
            v.Bind(2, idText);
            v.Bind(3, obj.Type);
            v.Bind(4, obj.Version.Ticks);
            v.Bind(5, distribution.Originator.Value);
            v.Bind(6, obj.Revoked ? 1 : 0);
            if (distribution.Tlp is { } tlp)
            {
                v.Bind(7, (int)tlp);
            }
            else
            {
                v.BindNull(7);
            }

            v.Bind(8, (int)distribution.Handling.Caveats);
            v.Bind(9, distribution.Handling.Purpose);
            v.Bind(10, distribution.Handling.Restriction);
            v.Bind(11, record.Grading?.ToString());
            v.Bind(12, added);
            v.Bind(13, record.Digest);
            v.Bind(14, obj.Json.Span);
            v.Bind(15, key);
            v.Execute();
            WriteRelease(pk, release, distribution.Originator);
            if (record.Signature is { } signature)
            {
                _insertSignature.Bind(1, pk);
                _insertSignature.Bind(2, signature);
                _insertSignature.Execute();
            }

            if (!obj.Revoked && RevokedLater(existing, distribution.Originator, obj.Version.Ticks))
            {
                // An earlier version arriving after the revocation: the revocation must reach its recipients too.
                foreach (var revocation in ReadLaterRevocations(key, idText, distribution.Originator, obj.Version.Ticks))
                {
                    WriteRelease(revocation, release, distribution.Originator);
                }
            }

            if (obj.SearchText.Length > 0)
            {
                _insertText.Bind(1, pk);
                _insertText.Bind(2, obj.SearchText);
                _insertText.Execute();
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
    private Dictionary<string, List<ExistingVersion>> ReadExisting(long[] keys)
    {
        // In key order, so the probes walk the id index from one end to the other instead of jumping about it.
        var sorted = (long[])keys.Clone();
        Array.Sort(sorted);
        var result = new Dictionary<string, List<ExistingVersion>>(StringComparer.Ordinal);
        var probe = _existing;
        for (var k = 0; k < sorted.Length; k++)
        {
            if (k > 0 && sorted[k] == sorted[k - 1])
            {
                continue;
            }

            probe.Bind(1, sorted[k]);
            try
            {
                while (probe.Step())
                {
                    var id = probe.Text(0);
                    if (!result.TryGetValue(id, out var versions))
                    {
                        versions = [];
                        result[id] = versions;
                    }

                    versions.Add(new ExistingVersion(PartyId.Parse(probe.Text(1)), probe.Int64(2), probe.Int64(3) != 0, probe.Blob(4), probe.IsNull(5) ? null : (TlpLevel)probe.Int64(5)));
                }
            }
            finally
            {
                probe.Reset();
            }
        }

        return result;
    }

    private static bool RevokedLater(List<ExistingVersion> held, PartyId originator, long version)
    {
        foreach (var e in held)
        {
            if (e.Revoked && e.Originator == originator && e.Version > version)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds the record's release to the held version of the same content, if there is one.</summary>
    private bool MergeRelease(long key, string id, long version, VersionRecord record)
    {
        _heldVersion.Parameters[0].Value = key;
        _heldVersion.Parameters[1].Value = id;
        _heldVersion.Parameters[2].Value = version;
        _heldVersion.Parameters[3].Value = record.Distribution.Originator.Value;
        long pk;
        using (var reader = _heldVersion.ExecuteReader())
        {
            if (!reader.Read() || !VersionDigest.SameContent((byte[])reader.GetValue(1), record.Digest))
            {
                return false;
            }

            pk = reader.GetInt64(0);
        }

        WriteRelease(pk, record.Distribution.Release, record.Distribution.Originator);
        return true;
    }

    private List<(int, string)> ReadEarlierRelease(long key, string id, PartyId originator)
    {
        _earlierRelease.Parameters[0].Value = key;
        _earlierRelease.Parameters[1].Value = id;
        _earlierRelease.Parameters[2].Value = originator.Value;
        var result = new List<(int, string)>();
        using var reader = _earlierRelease.ExecuteReader();
        while (reader.Read())
        {
            result.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return result;
    }

    private List<long> ReadLaterRevocations(long key, string id, PartyId originator, long version)
    {
        _laterRevocations.Parameters[0].Value = key;
        _laterRevocations.Parameters[1].Value = id;
        _laterRevocations.Parameters[2].Value = originator.Value;
        _laterRevocations.Parameters[3].Value = version;
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
        var r = _insertRelease;
        r.Bind(1, pk);
        r.Bind(4, by.Value);
        foreach (var party in release.Parties)
        {
            r.Bind(2, VersionRow.PartyKind);
            r.Bind(3, party.Value);
            r.Execute();
        }

        foreach (var channel in release.Channels)
        {
            r.Bind(2, VersionRow.ChannelKind);
            r.Bind(3, channel.Value);
            r.Execute();
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            await _transaction.CommitAsync(cancellationToken);
            await _transaction.DisposeAsync();
            _transaction = null;
            _store.RestartWalIfWanted(_connection);
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

        foreach (var command in new[] { _earlierRelease, _laterRevocations, _heldVersion })
        {
            await command.DisposeAsync();
        }

        foreach (var statement in new[] { _existing, _insertVersion, _insertRelease, _insertText, _insertSignature })
        {
            statement.Dispose();
        }

        await _lease.DisposeAsync();
    }
}
