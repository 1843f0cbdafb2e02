using Concord.Domain.Releasability;
using Concord.Domain.Versioning;
using Concord.Storage.Objects;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Sqlite;

/// <summary>
/// Writes object versions with prepared statements inside IMMEDIATE transactions: one per batch, or one for the
/// whole session (from its first batch) when all-or-nothing. Version keys are assigned from the table's maximum while the write lock
/// is held, so release rows can be written without a round trip per row.
/// </summary>
internal sealed class SqliteImportSession : IImportSession
{
    private readonly SqliteConnection _connection;
    private readonly bool _allOrNothing;
    private SqliteTransaction? _transaction;
    private long _nextPk;
    private readonly SqliteCommand _existing;
    private readonly SqliteCommand _insertVersion;
    private readonly SqliteCommand _insertRelease;
    private readonly SqliteCommand _insertText;
    private readonly SqliteCommand _earlierRelease;
    private readonly SqliteCommand _laterRevocations;

    private SqliteImportSession(SqliteConnection connection, bool allOrNothing)
    {
        _connection = connection;
        _allOrNothing = allOrNothing;
        _existing = Prepare("SELECT originator, version, revoked, digest FROM object_version WHERE object_id = $id", "$id");
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
    public static Task<SqliteImportSession> StartAsync(SqliteConnection connection, bool allOrNothing, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new SqliteImportSession(connection, allOrNothing));
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
        for (var i = 0; i < batch.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var record = batch[i];
            var obj = record.Object;
            var distribution = record.Distribution;
            var existing = await ReadExistingAsync(obj.Id.ToString(), cancellationToken);
            verdicts[i] = VersionRule.Decide(existing, obj.Type, distribution.Originator, obj.Version.Ticks, record.Digest);
            if (verdicts[i] != VersionVerdict.Insert)
            {
                continue;
            }

            var release = distribution.Release;
            if (obj.Revoked && existing.Count > 0)
            {
                release = RevocationReach.Widen(release, await ReadEarlierReleaseAsync(obj.Id.ToString(), distribution.Originator, cancellationToken));
            }

            var pk = _nextPk++;
            var p = _insertVersion.Parameters;
            p[0].Value = pk;
            p[1].Value = obj.Id.ToString();
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
            p[13].Value = obj.Json.ToArray();
            await _insertVersion.ExecuteNonQueryAsync(cancellationToken);
            await WriteReleaseAsync(pk, release, distribution.Originator, cancellationToken);
            if (!obj.Revoked && existing.Any(e => e.Revoked && e.Originator == distribution.Originator && e.Version > obj.Version.Ticks))
            {
                // An earlier version arriving after the revocation: the revocation must reach its recipients too.
                foreach (var revocation in await ReadLaterRevocationsAsync(obj.Id.ToString(), distribution.Originator, obj.Version.Ticks, cancellationToken))
                {
                    await WriteReleaseAsync(revocation, release, distribution.Originator, cancellationToken);
                }
            }

            if (obj.SearchText.Length > 0)
            {
                _insertText.Parameters[0].Value = pk;
                _insertText.Parameters[1].Value = obj.SearchText;
                await _insertText.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        if (!_allOrNothing)
        {
            await CommitAsync(cancellationToken);
        }

        return verdicts;
    }

    private async Task<List<ExistingVersion>> ReadExistingAsync(string id, CancellationToken cancellationToken)
    {
        _existing.Parameters[0].Value = id;
        var result = new List<ExistingVersion>();
        await using var reader = await _existing.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new ExistingVersion(PartyId.Parse(reader.GetString(0)), reader.GetInt64(1), reader.GetInt64(2) != 0, (byte[])reader.GetValue(3)));
        }

        return result;
    }

    private async Task<List<(int, string)>> ReadEarlierReleaseAsync(string id, PartyId originator, CancellationToken cancellationToken)
    {
        _earlierRelease.Parameters[0].Value = id;
        _earlierRelease.Parameters[1].Value = originator.Value;
        var result = new List<(int, string)>();
        await using var reader = await _earlierRelease.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return result;
    }

    private async Task<List<long>> ReadLaterRevocationsAsync(string id, PartyId originator, long version, CancellationToken cancellationToken)
    {
        _laterRevocations.Parameters[0].Value = id;
        _laterRevocations.Parameters[1].Value = originator.Value;
        _laterRevocations.Parameters[2].Value = version;
        var result = new List<long>();
        await using var reader = await _laterRevocations.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(reader.GetInt64(0));
        }

        return result;
    }

    private async Task WriteReleaseAsync(long pk, Release release, PartyId by, CancellationToken cancellationToken)
    {
        var p = _insertRelease.Parameters;
        p[0].Value = pk;
        p[3].Value = by.Value;
        foreach (var party in release.Parties)
        {
            p[1].Value = VersionRow.PartyKind;
            p[2].Value = party.Value;
            await _insertRelease.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var channel in release.Channels)
        {
            p[1].Value = VersionRow.ChannelKind;
            p[2].Value = channel.Value;
            await _insertRelease.ExecuteNonQueryAsync(cancellationToken);
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

        await _connection.DisposeAsync();
    }
}
