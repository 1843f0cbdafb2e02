using Concord.Domain.Federation;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;

namespace Concord.Storage.Federation;

/// <summary>How federation rows keep a release as text: comma-separated party ids and channel ids.</summary>
internal static class FederationText
{
    /// <summary>The tombstone row kind for "everything withdrawn" (beside the release kinds 0, party, and 1, channel).</summary>
    public const int AllKind = 2;

    /// <summary>The tombstone rows of a withdrawal (everything, when null).</summary>
    public static IEnumerable<(int Kind, string Target)> TombstoneRows(Release? withdrawn) =>
        withdrawn is null
            ? [(AllKind, "*")]
            : withdrawn.Parties.Select(p => (Objects.VersionRow.PartyKind, p.Value)).Concat(withdrawn.Channels.Select(c => (Objects.VersionRow.ChannelKind, c.Value)));

    /// <summary>Tombstone rows gathered per (node, object).</summary>
    public static IReadOnlyDictionary<(NodeId Node, StixId Id), Tombstone> Tombstones(IEnumerable<(NodeId Node, StixId Id, int Kind, string Target)> rows) =>
        rows.GroupBy(r => (r.Node, r.Id)).ToDictionary(
            g => g.Key,
            g => new Tombstone(
                g.Any(r => r.Kind == AllKind),
                new Release(g.Where(r => r.Kind == Objects.VersionRow.PartyKind).Select(r => PartyId.Parse(r.Target)), g.Where(r => r.Kind == Objects.VersionRow.ChannelKind).Select(r => ChannelId.Parse(r.Target)))));

    public static Release ReleaseOf(string parties, string channels) =>
        new(
            parties.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(PartyId.Parse),
            channels.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ChannelId.Parse));
}
