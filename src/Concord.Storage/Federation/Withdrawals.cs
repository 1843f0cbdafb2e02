using System.Globalization;
using Concord.Domain.Federation;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Storage.Access;
using Concord.Storage.Audit;

namespace Concord.Storage.Federation;

/// <summary>
/// Narrowing a release: the originator takes parties or channels out of the release of every version of an object it
/// made. From then on the rule stops every read by those who lost it, here and — through a withdrawal queued for each
/// peer node whose parties held the object — at partners, which purge what none of their parties may read any more.
/// </summary>
public sealed class Withdrawals(IConcordStore store)
{
    /// <summary>
    /// Withdraws <paramref name="targets"/> (everything released when null) from the actor's own versions of
    /// <paramref name="id"/>; null when the actor's party originated no version of it.
    /// </summary>
    public async Task<WithdrawOutcome?> WithdrawAsync(Actor actor, StixId id, Release? targets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var party = actor.RequireReader().Party;
        var own = (await store.Objects.GetVersionsAsync(new Reader(party, []), id, cancellationToken)).Where(v => v.Distribution.Originator == party).ToList();
        if (own.Count == 0)
        {
            return null;
        }

        var withdrawn = targets ?? own.Select(v => v.Distribution.Release).Aggregate(Release.None, (a, b) => a.Union(b));
        var remote = (await store.Directory.ListPartiesAsync(cancellationToken)).Where(p => p.Node is not null).ToList();
        var notices = new Dictionary<NodeId, (HashSet<PartyId> Parties, HashSet<ChannelId> Channels)>();
        foreach (var q in remote)
        {
            var reader = new Reader(q.Id, await store.Directory.ListChannelsOfAsync(q.Id, cancellationToken));
            if (!own.Any(v => ReleasabilityRule.CanRead(reader, v.Distribution)))
            {
                continue;
            }

            var node = q.Node!.Value;
            if (!notices.TryGetValue(node, out var notice))
            {
                notice = ([], []);
                notices[node] = notice;
            }

            // Tell the peer only what its own parties may know of: themselves, and channels they are in.
            var visible = ReleasabilityRule.VisibleRelease(reader, party, withdrawn);
            notice.Parties.UnionWith(visible.Parties);
            notice.Channels.UnionWith(visible.Channels);
        }

        var outcome = await store.Federation.WithdrawAsync(party, id, targets, purgeEmptied: false, cancellationToken);
        var queued = notices.Where(n => n.Value.Parties.Count + n.Value.Channels.Count > 0)
            .Select(n => new Withdrawal(0, n.Key, id, party, new Release(n.Value.Parties, n.Value.Channels)))
            .ToList();
        await store.Federation.QueueWithdrawalsAsync(queued, cancellationToken);
        await store.Audit.AppendAsync(
            new AuditRecord(DateTimeOffset.UtcNow, actor.Member.ToString(), party.Value, "withdraw", id.ToString(), null,
                string.Create(CultureInfo.InvariantCulture, $"withdrawn={withdrawn} rows={outcome.ReleaseRowsRemoved} peers_told={queued.Count}")),
            cancellationToken);
        return outcome;
    }

    /// <summary>
    /// Applies a withdrawal a peer node sent for the versions its parties originated: takes the targets out of their
    /// releases here and purges versions no party here may read any more. Null when nothing of the object is held
    /// from that node.
    /// </summary>
    public async Task<WithdrawOutcome?> ApplyAsync(NodeId sender, StixId id, Release? targets, CancellationToken cancellationToken)
    {
        // Remembered even when nothing is held yet, so a copy relayed later by another node does not bring it back.
        await store.Federation.AddTombstonesAsync(sender, id, targets, cancellationToken);
        var parties = (await store.Directory.ListPartiesAsync(cancellationToken)).Where(p => p.Node == sender).ToList();
        var removed = 0;
        var purged = 0;
        var held = false;
        foreach (var originator in parties)
        {
            var versions = await store.Objects.GetVersionsAsync(new Reader(originator.Id, []), id, cancellationToken);
            if (!versions.Any(v => v.Distribution.Originator == originator.Id))
            {
                continue;
            }

            held = true;
            var outcome = await store.Federation.WithdrawAsync(originator.Id, id, targets, purgeEmptied: true, cancellationToken);
            removed += outcome.ReleaseRowsRemoved;
            purged += outcome.VersionsPurged;
        }

        if (!held)
        {
            return null;
        }

        await store.Audit.AppendAsync(
            new AuditRecord(DateTimeOffset.UtcNow, "node:" + sender.Value, null, "federation-withdraw", id.ToString(), null,
                string.Create(CultureInfo.InvariantCulture, $"withdrawn={targets?.ToString() ?? "all"} rows={removed} purged={purged}")),
            cancellationToken);
        return new WithdrawOutcome(removed, purged);
    }
}
