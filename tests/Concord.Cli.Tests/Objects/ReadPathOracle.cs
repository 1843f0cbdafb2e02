using Concord.Domain.Stix;
using Concord.Domain.Versioning;
using Concord.Domain.Releasability;

namespace Concord.Cli.Tests.Objects;

/// <summary>
/// What the node should hold after importing a <see cref="ReadPathScenario"/>, worked out in memory: which
/// versions each import stores or refuses, in which order, with which release (a revocation reaches everyone
/// any other version reached, including versions that arrive after it); and, for any reader, what <see cref="ReleasabilityRule.CanRead(Reader, PartyId, Release)"/>
/// lets it read.
/// </summary>
internal sealed class ReadPathOracle
{
    private readonly ReadPathScenario _scenario;
    private readonly List<Held> _held = [];

    public ReadPathOracle(ReadPathScenario scenario)
    {
        _scenario = scenario;
        for (var party = 0; party < scenario.Parties.Length; party++)
        {
            Refusals[party] = 0;
            var channels = scenario.ChannelsAtImport(party);
            foreach (var (obj, k) in scenario.FileOrder(party))
            {
                if (!Accept(obj, k, channels))
                {
                    Refusals[party]++;
                }
            }
        }

        FinalMembership = [.. scenario.Membership.Select(m => (bool[])m.Clone())];
        foreach (var (channel, party) in scenario.Toggles)
        {
            FinalMembership[channel][party] = !FinalMembership[channel][party];
        }
    }

    /// <summary>How many versions each party's import refuses.</summary>
    public Dictionary<int, int> Refusals { get; } = [];

    /// <summary>Channel membership after the joins and leaves that follow the imports.</summary>
    public bool[][] FinalMembership { get; }

    public Reader ReaderOf(int party) => new(
        PartyId.Parse(_scenario.Parties[party]),
        _scenario.Channels.Where((_, c) => FinalMembership[c][party]).Select(ChannelId.Parse));

    /// <summary>Every version the reader may read, per object id, oldest first (version, then store order).</summary>
    public Dictionary<string, List<Held>> Readable(Reader reader) =>
        _held.Where(h => ReleasabilityRule.CanRead(reader, h.Originator, h.Release))
            .GroupBy(h => h.Id)
            .ToDictionary(g => g.Key, g => g.OrderBy(h => h.Version).ThenBy(h => h.Sequence).ToList());

    private bool Accept(ObjectSpec obj, int k, bool[] importerChannels)
    {
        var v = obj.Versions[k];
        if (!v.NoExtension && (v.UnknownParty || v.Channels.Where((chosen, c) => chosen && !importerChannels[c]).Any()))
        {
            return false;
        }

        var id = _scenario.IdOf(obj);
        var earlier = _held.Where(h => h.Id == id).ToList();
        if (earlier.Any(h => h.Revoked && h.Version < k))
        {
            return false;
        }

        var release = v.NoExtension
            ? Release.None
            : new Release(
                _scenario.Parties.Where((_, i) => v.Parties[i]).Select(PartyId.Parse),
                _scenario.Channels.Where((_, c) => v.Channels[c]).Select(ChannelId.Parse));
        var revoked = obj.RevokeLast && k == obj.Versions.Length - 1;
        var originator = PartyId.Parse(_scenario.Parties[obj.Originator]);
        var held = earlier.Select(h => new ExistingVersion(h.Originator, h.Version, h.Revoked, Array.Empty<byte>(), TlpOf(h.Spec)));
        if (Propagation.ReachesEarlierRecipients(revoked, TlpOf(v), k, originator, held))
        {
            release = earlier.Where(h => h.Originator == originator).Aggregate(release, (r, h) => r.Union(h.Release));
        }

        _held.Add(new Held(_held.Count, id, k, PartyId.Parse(_scenario.Parties[obj.Originator]), release, revoked, v));
        if (!revoked)
        {
            // An earlier version arriving after the revocation: the revocation reaches its recipients too.
            foreach (var revocation in earlier.Where(h => h.Revoked && h.Version > k))
            {
                _held[revocation.Sequence] = revocation with { Release = revocation.Release.Union(release) };
            }
        }

        return true;
    }

    private static TlpLevel? TlpOf(VersionSpec spec) => spec.Tlp < 0 ? null : (TlpLevel)spec.Tlp;

    /// <summary>A version the node holds: its store order, id, version (minutes after the epoch) and distribution.</summary>
    internal sealed record Held(int Sequence, string Id, int Version, PartyId Originator, Release Release, bool Revoked, VersionSpec Spec);
}
