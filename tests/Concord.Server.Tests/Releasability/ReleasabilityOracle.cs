using Concord.Domain.Versioning;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Server.Tests.Stix;

namespace Concord.Server.Tests.Releasability;

/// <summary>One version the node should hold, as the oracle keeps it in memory.</summary>
internal sealed class ModelVersion(long seq, StixDraft draft, PartyId originator, Release release, Handling handling)
{
    /// <summary>Insertion order (the store's sequence number orders the same way).</summary>
    public long Seq { get; } = seq;

    public StixDraft Draft { get; } = draft;

    public string Id => Draft.Id;

    public long Version => Draft.Modified.Ticks;

    public bool Revoked => Draft.Revoked;

    public PartyId Originator { get; } = originator;

    /// <summary>The release, widened by revocation reach and by permitted forwards.</summary>
    public Release Release { get; set; } = release;

    public Handling Handling { get; } = handling;

    public Distribution Distribution => new(Originator, Release, Draft.Tlp, Handling);
}

/// <summary>
/// The brute-force oracle: what every party may read, computed in memory with the Domain rule
/// (<see cref="ReleasabilityRule"/>), beside the node that computes it in SQL.
/// </summary>
internal sealed class ReleasabilityOracle
{
    private readonly List<ModelVersion> _stored = [];
    private readonly Dictionary<PartyId, HashSet<ChannelId>> _channelsOf = [];
    private long _seq;

    public ReleasabilityOracle(IEnumerable<PartyId> parties, IReadOnlyDictionary<ChannelId, IReadOnlyCollection<PartyId>> channels)
    {
        foreach (var party in parties)
        {
            _channelsOf[party] = [];
        }

        foreach (var (channel, members) in channels)
        {
            foreach (var member in members)
            {
                _channelsOf[member].Add(channel);
            }
        }
    }

    public IReadOnlyList<ModelVersion> Stored => _stored;

    public IReadOnlyCollection<PartyId> Parties => _channelsOf.Keys;

    public Reader ReaderOf(PartyId party) => new(party, _channelsOf[party]);

    /// <summary>
    /// Imports one version as the importer does: refuses a release to a channel the originator is not in, and
    /// versions after a revocation; widens a revocation to the release of every version held, and of every
    /// earlier version that arrives after it.
    /// </summary>
    public (ModelVersion? Stored, string? Refusal) Import(StixDraft draft, PartyId originator, Release release, Handling handling)
    {
        if (!release.Channels.All(_channelsOf[originator].Contains))
        {
            return (null, "unknown channel");
        }

        var earlier = _stored.Where(v => v.Id == draft.Id).ToList();
        if (earlier.Any(v => v.Revoked && v.Version < draft.Modified.Ticks))
        {
            return (null, "the object was revoked; STIX allows no later version");
        }

        var held = earlier.Where(v => v.Originator == originator).Select(v => new ExistingVersion(v.Originator, v.Version, v.Revoked, Array.Empty<byte>(), v.Draft.Tlp));
        if (Propagation.ReachesEarlierRecipients(draft.Revoked, draft.Tlp, draft.Modified.Ticks, originator, held))
        {
            release = earlier.Where(v => v.Originator == originator).Aggregate(release, (r, v) => r.Union(v.Release));
        }

        if (!draft.Revoked)
        {
            // An earlier version arriving after the revocation: the revocation reaches its recipients too.
            foreach (var revocation in earlier.Where(v => v.Revoked && v.Version > draft.Modified.Ticks))
            {
                revocation.Release = revocation.Release.Union(release);
            }
        }

        var version = new ModelVersion(++_seq, draft, originator, release, handling);
        _stored.Add(version);
        return (version, null);
    }

    /// <summary>Every version of an object the reader may read, oldest first.</summary>
    public IReadOnlyList<ModelVersion> Readable(Reader reader, string id) =>
        _stored.Where(v => v.Id == id && ReleasabilityRule.CanRead(reader, v.Distribution)).OrderBy(v => v.Version).ThenBy(v => v.Seq).ToList();

    /// <summary>The latest version of an object the reader may read, or null (the object does not exist for it).</summary>
    public ModelVersion? Latest(Reader reader, string id) => Readable(reader, id).LastOrDefault();

    /// <summary>The latest readable version of every object, in store order, narrowed by a filter on that version.</summary>
    public IReadOnlyList<ModelVersion> Listing(Reader reader, Func<ModelVersion, bool>? filter = null) =>
        _stored.Select(v => v.Id).Distinct()
            .Select(id => Latest(reader, id))
            .OfType<ModelVersion>()
            .Where(v => filter is null || filter(v))
            .OrderBy(v => v.Seq)
            .ToList();

    /// <summary>What a forward should do: 404 (null version), a refusal reason, or the version whose release it widens.</summary>
    public (ModelVersion? Version, string? Refusal) Forward(Reader reader, string id, Release target, bool unknownParty)
    {
        var version = Latest(reader, id);
        if (version is null)
        {
            return (null, null);
        }

        var refusal = unknownParty ? "unknown party" : ForwardingRule.Refusal(reader, version.Distribution, target);
        if (refusal is null)
        {
            version.Release = version.Release.Union(target);
        }

        return (version, refusal);
    }

    public static TlpLevel? TlpOf(int spec) => spec < 5 ? (TlpLevel)spec : null;
}
