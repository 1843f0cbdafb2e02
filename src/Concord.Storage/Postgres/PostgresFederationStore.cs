using Concord.Domain.Federation;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Storage.Federation;
using Concord.Storage.Objects;
using Npgsql;
using NpgsqlTypes;
using static Concord.Storage.Postgres.PostgresParameters;

namespace Concord.Storage.Postgres;

/// <summary>
/// Federation state on PostgreSQL, with the same tables and meaning as on SQLite. A withdrawal takes the import lock,
/// so it never interleaves with an import deciding against the versions it changes or deletes.
/// </summary>
internal sealed class PostgresFederationStore(PostgresStore store) : IFederationStore
{
    /// <summary>The versions of one object by one originator (binds <c>@id</c> and <c>@originator</c>).</summary>
    private const string ObjectVersions = "SELECT pk FROM object_version WHERE object_id = @id AND originator = @originator";

    public async Task<NodeIdentity?> GetIdentityAsync(CancellationToken cancellationToken) =>
        (await store.QueryAsync(
            "SELECT node, seed FROM node_identity WHERE id = 1",
            _ => { },
            r => new NodeIdentity(NodeId.Parse(r.GetString(0)), r.GetFieldValue<byte[]>(1)),
            cancellationToken)).SingleOrDefault();

    public async Task<NodeIdentity> CreateIdentityAsync(NodeIdentity identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        await store.ExecuteAsync(
            "INSERT INTO node_identity (id, node, seed, created) VALUES (1, @node, @seed, @created) ON CONFLICT (id) DO NOTHING",
            c =>
            {
                c.Parameters.Add(Text("node", identity.Node.Value));
                c.Parameters.Add(Bytes("seed", identity.Seed));
                c.Parameters.Add(Ticks("created", DateTimeOffset.UtcNow));
            },
            cancellationToken);
        return (await GetIdentityAsync(cancellationToken))!;
    }

    public Task PutPeerAsync(Peer peer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        return store.ExecuteAsync(
            "INSERT INTO peer (node, url, credential, public_key, pull, push, feed_parties, feed_channels, created) VALUES (@node, @url, @credential, @key, @pull, @push, @feed_parties, @feed_channels, @created) "
            + "ON CONFLICT (node) DO UPDATE SET url = excluded.url, credential = excluded.credential, public_key = excluded.public_key, pull = excluded.pull, push = excluded.push, "
            + "feed_parties = excluded.feed_parties, feed_channels = excluded.feed_channels",
            c =>
            {
                c.Parameters.Add(Text("node", peer.Node.Value));
                c.Parameters.Add(Text("url", peer.Url.ToString()));
                c.Parameters.Add(Text("credential", peer.Credential));
                c.Parameters.Add(Bytes("key", peer.PublicKey?.Bytes.ToArray()));
                c.Parameters.Add(Boolean("pull", peer.Pull));
                c.Parameters.Add(Boolean("push", peer.Push));
                c.Parameters.Add(Text("feed_parties", peer.FeedRelease is { } feed ? string.Join(',', feed.Parties.Select(p => p.Value)) : null));
                c.Parameters.Add(Text("feed_channels", peer.FeedRelease is { } f ? string.Join(',', f.Channels.Select(x => x.Value)) : null));
                c.Parameters.Add(Ticks("created", DateTimeOffset.UtcNow));
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<Peer>> ListPeersAsync(CancellationToken cancellationToken) =>
        store.QueryAsync(
            "SELECT node, url, credential, public_key, pull, push, feed_parties, feed_channels FROM peer ORDER BY node",
            _ => { },
            r => new Peer(
                NodeId.Parse(r.GetString(0)), new Uri(r.GetString(1)), r.IsDBNull(2) ? null : r.GetString(2),
                r.IsDBNull(3) ? null : new NodePublicKey(r.GetFieldValue<byte[]>(3)), r.GetBoolean(4), r.GetBoolean(5))
            {
                FeedRelease = r.IsDBNull(6) ? null : FederationText.ReleaseOf(r.GetString(6), r.GetString(7)),
            },
            cancellationToken);

    public async Task<bool> RemovePeerAsync(NodeId node, CancellationToken cancellationToken)
    {
        // One statement, so one transaction: the cursors and the undelivered withdrawals go with the peer.
        var removed = await store.QueryAsync(
            "WITH cursors AS (DELETE FROM sync_cursor WHERE node = @node), outbox AS (DELETE FROM withdrawal_outbox WHERE node = @node) "
            + "DELETE FROM peer WHERE node = @node RETURNING node",
            c => c.Parameters.Add(Text("node", node.Value)),
            r => r.GetString(0),
            cancellationToken);
        return removed.Count == 1;
    }

    public async Task<string?> GetCursorAsync(NodeId node, string stream, CancellationToken cancellationToken) =>
        (await store.QueryAsync(
            "SELECT position FROM sync_cursor WHERE node = @node AND stream = @stream",
            c =>
            {
                c.Parameters.Add(Text("node", node.Value));
                c.Parameters.Add(Text("stream", stream));
            },
            r => r.GetString(0),
            cancellationToken)).SingleOrDefault();

    public Task SetCursorAsync(NodeId node, string stream, string position, CancellationToken cancellationToken) =>
        store.ExecuteAsync(
            "INSERT INTO sync_cursor (node, stream, position, updated) VALUES (@node, @stream, @position, @updated) "
            + "ON CONFLICT (node, stream) DO UPDATE SET position = excluded.position, updated = excluded.updated",
            c =>
            {
                c.Parameters.Add(Text("node", node.Value));
                c.Parameters.Add(Text("stream", stream));
                c.Parameters.Add(Text("position", position));
                c.Parameters.Add(Ticks("updated", DateTimeOffset.UtcNow));
            },
            cancellationToken);

    public Task ResetCursorsAsync(NodeId node, CancellationToken cancellationToken) =>
        store.ExecuteAsync("DELETE FROM sync_cursor WHERE node = @node", c => c.Parameters.Add(Text("node", node.Value)), cancellationToken);

    public async Task<IReadOnlyDictionary<long, byte[]>> GetSignaturesAsync(IReadOnlyCollection<long> versionPks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versionPks);
        if (versionPks.Count == 0)
        {
            return new Dictionary<long, byte[]>();
        }

        var rows = await store.QueryAsync(
            "SELECT version_pk, signature FROM version_signature WHERE version_pk = ANY(@pks)",
            c => c.Parameters.Add(new NpgsqlParameter<long[]>("pks", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = versionPks.ToArray() }),
            r => (Pk: r.GetInt64(0), Signature: r.GetFieldValue<byte[]>(1)),
            cancellationToken);
        return rows.ToDictionary(r => r.Pk, r => r.Signature);
    }

    public async Task<WithdrawOutcome> WithdrawAsync(PartyId originator, StixId id, Release? withdrawn, bool purgeEmptied, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await store.LockAsync(connection, tx, "import", cancellationToken);
        int removed;
        await using (var release = new NpgsqlCommand { Connection = connection, Transaction = tx })
        {
            BindObject(release, originator, id);
            if (withdrawn is null)
            {
                release.CommandText = $"DELETE FROM version_release WHERE version_pk IN ({ObjectVersions})";
            }
            else
            {
                release.CommandText = $"DELETE FROM version_release WHERE version_pk IN ({ObjectVersions}) "
                    + $"AND ((kind = {VersionRow.PartyKind} AND target = ANY(@parties)) OR (kind = {VersionRow.ChannelKind} AND target = ANY(@channels)))";
                release.Parameters.Add(TextArray("parties", withdrawn.Parties.Select(p => p.Value).ToArray()));
                release.Parameters.Add(TextArray("channels", withdrawn.Channels.Select(c => c.Value).ToArray()));
            }

            removed = await release.ExecuteNonQueryAsync(cancellationToken);
        }

        var purged = 0;
        if (purgeEmptied)
        {
            // The search vector is a column of the version row, so it leaves the index with the row; the read marks of
            // exactly the purged versions go with them.
            await using var purge = new NpgsqlCommand(
                "WITH emptied AS (DELETE FROM object_version v WHERE v.object_id = @id AND v.originator = @originator "
                + "AND NOT EXISTS (SELECT 1 FROM version_release r WHERE r.version_pk = v.pk) RETURNING v.pk, v.version), "
                + "signatures AS (DELETE FROM version_signature WHERE version_pk IN (SELECT pk FROM emptied)), "
                + "marks AS (DELETE FROM read_mark WHERE object_id = @id AND version IN (SELECT version FROM emptied)) "
                + "SELECT count(*) FROM emptied",
                connection,
                tx);
            BindObject(purge, originator, id);
            purged = (int)(long)(await purge.ExecuteScalarAsync(cancellationToken))!;
        }

        await tx.CommitAsync(cancellationToken);
        return new WithdrawOutcome(removed, purged);
    }

    public async Task AddTombstonesAsync(NodeId node, StixId id, Release? withdrawn, CancellationToken cancellationToken)
    {
        var rows = FederationText.TombstoneRows(withdrawn).ToList();
        await store.ExecuteAsync(
            "INSERT INTO withdrawal_tombstone (node, object_id, kind, target) SELECT @node, @id, k, t FROM unnest(@kinds, @targets) AS r(k, t) ON CONFLICT DO NOTHING",
            c =>
            {
                c.Parameters.Add(Text("node", node.Value));
                c.Parameters.Add(Text("id", id.ToString()));
                c.Parameters.Add(new NpgsqlParameter<int[]>("kinds", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = rows.Select(r => r.Kind).ToArray() });
                c.Parameters.Add(new NpgsqlParameter<string[]>("targets", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = rows.Select(r => r.Target).ToArray() });
            },
            cancellationToken);
    }

    public async Task<IReadOnlyDictionary<(NodeId Node, StixId Id), Tombstone>> GetTombstonesAsync(IReadOnlyCollection<StixId> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return FederationText.Tombstones([]);
        }

        var rows = await store.QueryAsync(
            "SELECT node, object_id, kind, target FROM withdrawal_tombstone WHERE object_id = ANY(@ids)",
            c => c.Parameters.Add(new NpgsqlParameter<string[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = ids.Select(i => i.ToString()).ToArray() }),
            r => (NodeId.Parse(r.GetString(0)), StixId.Parse(r.GetString(1)), r.GetInt32(2), r.GetString(3)),
            cancellationToken);
        return FederationText.Tombstones(rows);
    }

    public Task ClearTombstonesAsync(NodeId node, StixId id, Release released, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(released);
        return store.ExecuteAsync(
            $"DELETE FROM withdrawal_tombstone WHERE node = @node AND object_id = @id AND (kind = {FederationText.AllKind} "
            + $"OR (kind = {VersionRow.PartyKind} AND target = ANY(@parties)) OR (kind = {VersionRow.ChannelKind} AND target = ANY(@channels)))",
            c =>
            {
                c.Parameters.Add(Text("node", node.Value));
                c.Parameters.Add(Text("id", id.ToString()));
                c.Parameters.Add(new NpgsqlParameter<string[]>("parties", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = released.Parties.Select(p => p.Value).ToArray() });
                c.Parameters.Add(new NpgsqlParameter<string[]>("channels", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = released.Channels.Select(x => x.Value).ToArray() });
            },
            cancellationToken);
    }

    public async Task QueueWithdrawalsAsync(IReadOnlyList<Withdrawal> withdrawals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(withdrawals);
        if (withdrawals.Count == 0)
        {
            return;
        }

        // One batch is one implicit transaction, and its statements run in order, so sequence numbers follow the list.
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        var queued = DateTimeOffset.UtcNow;
        foreach (var w in withdrawals)
        {
            var command = new NpgsqlBatchCommand(
                "INSERT INTO withdrawal_outbox (node, object_id, originator, parties, channels, queued) VALUES (@node, @id, @originator, @parties, @channels, @queued)");
            command.Parameters.Add(Text("node", w.Node.Value));
            command.Parameters.Add(Text("id", w.ObjectId.ToString()));
            command.Parameters.Add(Text("originator", w.Originator.Value));
            command.Parameters.Add(Text("parties", string.Join(',', w.Withdrawn.Parties.Select(p => p.Value))));
            command.Parameters.Add(Text("channels", string.Join(',', w.Withdrawn.Channels.Select(c => c.Value))));
            command.Parameters.Add(Ticks("queued", queued));
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<IReadOnlyList<ReleaseChange>> ListReleaseChangesAsync(long afterSeq, int limit, CancellationToken cancellationToken) =>
        store.QueryAsync(
            "SELECT seq, version_pk, object_id FROM release_change WHERE seq > @after ORDER BY seq LIMIT @limit",
            c =>
            {
                c.Parameters.Add(Bigint("after", afterSeq));
                c.Parameters.Add(Integer("limit", limit));
            },
            r => new ReleaseChange(r.GetInt64(0), r.GetInt64(1), StixId.Parse(r.GetString(2))),
            cancellationToken);

    public Task<IReadOnlyList<Withdrawal>> ListWithdrawalsAsync(NodeId node, int limit, CancellationToken cancellationToken) =>
        store.QueryAsync(
            "SELECT seq, object_id, originator, parties, channels FROM withdrawal_outbox WHERE node = @node ORDER BY seq LIMIT @limit",
            c =>
            {
                c.Parameters.Add(Text("node", node.Value));
                c.Parameters.Add(Integer("limit", limit));
            },
            r => new Withdrawal(r.GetInt64(0), node, StixId.Parse(r.GetString(1)), PartyId.Parse(r.GetString(2)), FederationText.ReleaseOf(r.GetString(3), r.GetString(4))),
            cancellationToken);

    public Task RemoveWithdrawalAsync(long seq, CancellationToken cancellationToken) =>
        store.ExecuteAsync("DELETE FROM withdrawal_outbox WHERE seq = @seq", c => c.Parameters.Add(Bigint("seq", seq)), cancellationToken);

    public Task RecordRefusalAsync(RefusalRecord refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return store.ExecuteAsync(
            "INSERT INTO ingest_refusal (at, node, object_id, reason, detail) VALUES (@at, @node, @id, @reason, @detail)",
            c =>
            {
                c.Parameters.Add(Ticks("at", refusal.At));
                c.Parameters.Add(Text("node", refusal.Node.Value));
                c.Parameters.Add(Text("id", refusal.ObjectId));
                c.Parameters.Add(Text("reason", IngestRefusals.Token(refusal.Reason)));
                c.Parameters.Add(Text("detail", refusal.Detail));
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<RefusalRecord>> ListRefusalsAsync(int limit, CancellationToken cancellationToken) =>
        store.QueryAsync(
            "SELECT at, node, object_id, reason, detail FROM ingest_refusal ORDER BY seq DESC LIMIT @limit",
            c => c.Parameters.Add(Integer("limit", limit)),
            r => new RefusalRecord(
                new DateTimeOffset(r.GetInt64(0), TimeSpan.Zero), NodeId.Parse(r.GetString(1)), r.IsDBNull(2) ? null : r.GetString(2),
                IngestRefusals.Parse(r.GetString(3)), r.GetString(4)),
            cancellationToken);

    private static void BindObject(NpgsqlCommand command, PartyId originator, StixId id)
    {
        command.Parameters.Add(Text("id", id.ToString()));
        command.Parameters.Add(Text("originator", originator.Value));
    }
}
