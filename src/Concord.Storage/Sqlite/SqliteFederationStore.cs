using System.Text.Json;
using Concord.Domain.Federation;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Storage.Federation;
using Concord.Storage.Objects;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Sqlite;

/// <summary>Federation state on SQLite.</summary>
internal sealed class SqliteFederationStore(SqliteStore store) : IFederationStore
{
    public async Task<NodeIdentity?> GetIdentityAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT node, seed FROM node_identity WHERE id = 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new NodeIdentity(NodeId.Parse(reader.GetString(0)), (byte[])reader.GetValue(1)) : null;
    }

    public async Task<NodeIdentity> CreateIdentityAsync(NodeIdentity identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        await using (var connection = await store.OpenAsync(cancellationToken))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT OR IGNORE INTO node_identity (id, node, seed, created) VALUES (1, $node, $seed, $created)";
            command.Parameters.AddWithValue("$node", identity.Node.Value);
            command.Parameters.AddWithValue("$seed", identity.Seed);
            command.Parameters.AddWithValue("$created", DateTimeOffset.UtcNow.UtcTicks);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return (await GetIdentityAsync(cancellationToken))!;
    }

    public async Task PutPeerAsync(Peer peer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        await using var connection = await store.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO peer (node, url, credential, public_key, pull, push, feed_parties, feed_channels, created) VALUES ($node, $url, $credential, $key, $pull, $push, $feed_parties, $feed_channels, $created) "
            + "ON CONFLICT (node) DO UPDATE SET url = excluded.url, credential = excluded.credential, public_key = excluded.public_key, pull = excluded.pull, push = excluded.push, "
            + "feed_parties = excluded.feed_parties, feed_channels = excluded.feed_channels";
        command.Parameters.AddWithValue("$node", peer.Node.Value);
        command.Parameters.AddWithValue("$url", peer.Url.ToString());
        command.Parameters.AddWithValue("$credential", (object?)peer.Credential ?? DBNull.Value);
        command.Parameters.AddWithValue("$key", peer.PublicKey is { } key ? key.Bytes.ToArray() : DBNull.Value);
        command.Parameters.AddWithValue("$pull", peer.Pull ? 1 : 0);
        command.Parameters.AddWithValue("$push", peer.Push ? 1 : 0);
        command.Parameters.AddWithValue("$feed_parties", peer.FeedRelease is { } feed ? string.Join(',', feed.Parties.Select(p => p.Value)) : DBNull.Value);
        command.Parameters.AddWithValue("$feed_channels", peer.FeedRelease is { } f ? string.Join(',', f.Channels.Select(c => c.Value)) : DBNull.Value);
        command.Parameters.AddWithValue("$created", DateTimeOffset.UtcNow.UtcTicks);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Peer>> ListPeersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT node, url, credential, public_key, pull, push, feed_parties, feed_channels FROM peer ORDER BY node";
        var result = new List<Peer>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new Peer(
                NodeId.Parse(reader.GetString(0)), new Uri(reader.GetString(1)), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : new NodePublicKey((byte[])reader.GetValue(3)), reader.GetInt64(4) != 0, reader.GetInt64(5) != 0)
            {
                FeedRelease = reader.IsDBNull(6) ? null : FederationText.ReleaseOf(reader.GetString(6), reader.GetString(7)),
            });
        }

        return result;
    }

    public async Task<bool> RemovePeerAsync(NodeId node, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.Parameters.AddWithValue("$node", node.Value);
        command.CommandText = "DELETE FROM sync_cursor WHERE node = $node; DELETE FROM withdrawal_outbox WHERE node = $node";
        await command.ExecuteNonQueryAsync(cancellationToken);
        command.CommandText = "DELETE FROM peer WHERE node = $node";
        var removed = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        await tx.CommitAsync(cancellationToken);
        return removed;
    }

    public async Task<string?> GetCursorAsync(NodeId node, string stream, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT position FROM sync_cursor WHERE node = $node AND stream = $stream";
        command.Parameters.AddWithValue("$node", node.Value);
        command.Parameters.AddWithValue("$stream", stream);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task SetCursorAsync(NodeId node, string stream, string position, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO sync_cursor (node, stream, position, updated) VALUES ($node, $stream, $position, $updated) "
            + "ON CONFLICT (node, stream) DO UPDATE SET position = excluded.position, updated = excluded.updated";
        command.Parameters.AddWithValue("$node", node.Value);
        command.Parameters.AddWithValue("$stream", stream);
        command.Parameters.AddWithValue("$position", position);
        command.Parameters.AddWithValue("$updated", DateTimeOffset.UtcNow.UtcTicks);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ResetCursorsAsync(NodeId node, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM sync_cursor WHERE node = $node";
        command.Parameters.AddWithValue("$node", node.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<long, byte[]>> GetSignaturesAsync(IReadOnlyCollection<long> versionPks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versionPks);
        var result = new Dictionary<long, byte[]>();
        if (versionPks.Count == 0)
        {
            return result;
        }

        await using var connection = await store.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version_pk, signature FROM version_signature WHERE version_pk IN (SELECT value FROM json_each($pks))";
        command.Parameters.AddWithValue("$pks", "[" + string.Join(',', versionPks) + "]");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetInt64(0)] = (byte[])reader.GetValue(1);
        }

        return result;
    }

    public async Task<WithdrawOutcome> WithdrawAsync(PartyId originator, StixId id, Release? withdrawn, bool purgeEmptied, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        var idText = id.ToString();
        command.Parameters.AddWithValue("$key", SqliteIdKey.Of(idText));
        command.Parameters.AddWithValue("$id", idText);
        command.Parameters.AddWithValue("$originator", originator.Value);
        const string Versions = "SELECT pk FROM object_version WHERE id_key = $key AND object_id = $id AND originator = $originator";
        if (withdrawn is null)
        {
            command.CommandText = $"DELETE FROM version_release WHERE version_pk IN ({Versions})";
        }
        else
        {
            command.CommandText = $"DELETE FROM version_release WHERE version_pk IN ({Versions}) AND ((kind = {VersionRow.PartyKind} AND target IN (SELECT value FROM json_each($parties))) "
                + $"OR (kind = {VersionRow.ChannelKind} AND target IN (SELECT value FROM json_each($channels))))";
            command.Parameters.AddWithValue("$parties", JsonSerializer.Serialize(withdrawn.Parties.Select(p => p.Value).ToArray(), StorageJson.Default.StringArray));
            command.Parameters.AddWithValue("$channels", JsonSerializer.Serialize(withdrawn.Channels.Select(c => c.Value).ToArray(), StorageJson.Default.StringArray));
        }

        var removed = await command.ExecuteNonQueryAsync(cancellationToken);
        var purged = 0;
        if (purgeEmptied)
        {
            var emptied = new List<(long Pk, long Version, byte[] Json)>();
            command.CommandText = $"SELECT v.pk, v.version, v.json FROM object_version v WHERE v.id_key = $key AND v.object_id = $id AND v.originator = $originator AND NOT EXISTS (SELECT 1 FROM version_release r WHERE r.version_pk = v.pk)";
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    emptied.Add((reader.GetInt64(0), reader.GetInt64(1), (byte[])reader.GetValue(2)));
                }
            }

            foreach (var (pk, version, json) in emptied)
            {
                using var delete = connection.CreateCommand();
                delete.Transaction = tx;
                delete.Parameters.AddWithValue("$pk", pk);
                // The search index is contentless: a row leaves it only when given the text it was indexed with.
                if (StixValidator.Validate(json).Object is { SearchText.Length: > 0 } obj)
                {
                    delete.CommandText = "INSERT INTO object_text (object_text, rowid, text) VALUES ('delete', $pk, $text)";
                    delete.Parameters.AddWithValue("$text", obj.SearchText);
                    await delete.ExecuteNonQueryAsync(cancellationToken);
                }

                // Store keys are never given out twice (push cursors are store keys): the highest one ever used is kept.
                delete.CommandText = "UPDATE store_key SET last = max(last, $pk) WHERE name = 'object_version'; "
                    + "DELETE FROM version_signature WHERE version_pk = $pk; DELETE FROM read_mark WHERE object_id = $id AND version = $version; DELETE FROM object_version WHERE pk = $pk";
                delete.Parameters.AddWithValue("$id", id.ToString());
                delete.Parameters.AddWithValue("$version", version);
                await delete.ExecuteNonQueryAsync(cancellationToken);
                purged++;
            }
        }

        await tx.CommitAsync(cancellationToken);
        return new WithdrawOutcome(removed, purged);
    }

    public async Task<IReadOnlyList<ReleaseChange>> ListReleaseChangesAsync(long afterSeq, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, version_pk, object_id FROM release_change WHERE seq > $after ORDER BY seq LIMIT $limit";
        command.Parameters.AddWithValue("$after", afterSeq);
        command.Parameters.AddWithValue("$limit", limit);
        var result = new List<ReleaseChange>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new ReleaseChange(reader.GetInt64(0), reader.GetInt64(1), StixId.Parse(reader.GetString(2))));
        }

        return result;
    }

    public async Task AddTombstonesAsync(NodeId node, StixId id, Release? withdrawn, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (kind, target) in FederationText.TombstoneRows(withdrawn))
        {
            using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = "INSERT OR IGNORE INTO withdrawal_tombstone (node, object_id, kind, target) VALUES ($node, $id, $kind, $target)";
            command.Parameters.AddWithValue("$node", node.Value);
            command.Parameters.AddWithValue("$id", id.ToString());
            command.Parameters.AddWithValue("$kind", kind);
            command.Parameters.AddWithValue("$target", target);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<(NodeId Node, StixId Id), Tombstone>> GetTombstonesAsync(IReadOnlyCollection<StixId> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var rows = new List<(NodeId, StixId, int, string)>();
        if (ids.Count > 0)
        {
            await using var connection = await store.OpenAsync(cancellationToken);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT node, object_id, kind, target FROM withdrawal_tombstone WHERE object_id IN (SELECT value FROM json_each($ids))";
            command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids.Select(i => i.ToString()).ToArray(), StorageJson.Default.StringArray));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((NodeId.Parse(reader.GetString(0)), StixId.Parse(reader.GetString(1)), reader.GetInt32(2), reader.GetString(3)));
            }
        }

        return FederationText.Tombstones(rows);
    }

    public async Task ClearTombstonesAsync(NodeId node, StixId id, Release released, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(released);
        await using var connection = await store.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM withdrawal_tombstone WHERE node = $node AND object_id = $id AND (kind = {FederationText.AllKind} "
            + $"OR (kind = {VersionRow.PartyKind} AND target IN (SELECT value FROM json_each($parties))) OR (kind = {VersionRow.ChannelKind} AND target IN (SELECT value FROM json_each($channels))))";
        command.Parameters.AddWithValue("$node", node.Value);
        command.Parameters.AddWithValue("$id", id.ToString());
        command.Parameters.AddWithValue("$parties", JsonSerializer.Serialize(released.Parties.Select(p => p.Value).ToArray(), StorageJson.Default.StringArray));
        command.Parameters.AddWithValue("$channels", JsonSerializer.Serialize(released.Channels.Select(c => c.Value).ToArray(), StorageJson.Default.StringArray));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task QueueWithdrawalsAsync(IReadOnlyList<Withdrawal> withdrawals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(withdrawals);
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var w in withdrawals)
        {
            using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = "INSERT INTO withdrawal_outbox (node, object_id, originator, parties, channels, queued) VALUES ($node, $id, $originator, $parties, $channels, $queued)";
            command.Parameters.AddWithValue("$node", w.Node.Value);
            command.Parameters.AddWithValue("$id", w.ObjectId.ToString());
            command.Parameters.AddWithValue("$originator", w.Originator.Value);
            command.Parameters.AddWithValue("$parties", string.Join(',', w.Withdrawn.Parties.Select(p => p.Value)));
            command.Parameters.AddWithValue("$channels", string.Join(',', w.Withdrawn.Channels.Select(c => c.Value)));
            command.Parameters.AddWithValue("$queued", DateTimeOffset.UtcNow.UtcTicks);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Withdrawal>> ListWithdrawalsAsync(NodeId node, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, object_id, originator, parties, channels FROM withdrawal_outbox WHERE node = $node ORDER BY seq LIMIT $limit";
        command.Parameters.AddWithValue("$node", node.Value);
        command.Parameters.AddWithValue("$limit", limit);
        var result = new List<Withdrawal>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new Withdrawal(reader.GetInt64(0), node, StixId.Parse(reader.GetString(1)), PartyId.Parse(reader.GetString(2)), FederationText.ReleaseOf(reader.GetString(3), reader.GetString(4))));
        }

        return result;
    }

    public async Task RemoveWithdrawalAsync(long seq, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM withdrawal_outbox WHERE seq = $seq";
        command.Parameters.AddWithValue("$seq", seq);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RecordRefusalAsync(RefusalRecord refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        await using var connection = await store.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO ingest_refusal (at, node, object_id, reason, detail) VALUES ($at, $node, $id, $reason, $detail)";
        command.Parameters.AddWithValue("$at", refusal.At.UtcTicks);
        command.Parameters.AddWithValue("$node", refusal.Node.Value);
        command.Parameters.AddWithValue("$id", (object?)refusal.ObjectId ?? DBNull.Value);
        command.Parameters.AddWithValue("$reason", IngestRefusals.Token(refusal.Reason));
        command.Parameters.AddWithValue("$detail", refusal.Detail);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RefusalRecord>> ListRefusalsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT at, node, object_id, reason, detail FROM ingest_refusal ORDER BY seq DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit);
        var result = new List<RefusalRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new RefusalRecord(
                new DateTimeOffset(reader.GetInt64(0), TimeSpan.Zero), NodeId.Parse(reader.GetString(1)), reader.IsDBNull(2) ? null : reader.GetString(2),
                IngestRefusals.Parse(reader.GetString(3)), reader.GetString(4)));
        }

        return result;
    }
}
