using Concord.Domain.Releasability;
using Concord.Domain.Versioning;
using Concord.Storage.Objects;
using Concord.Storage.Tests.Support;

namespace Concord.Storage.Tests.Releasability;

/// <summary>
/// The oracle: what a store must hold and show, computed in memory from the Domain's rules alone —
/// <see cref="VersionRule"/> decides each version, a revocation or declassification reaches every earlier recipient, and
/// <see cref="ReleasabilityRule.CanRead(Reader, PartyId, Release)"/> decides every read. Versions are kept in
/// the order they were stored, which is the order of the store's keys.
/// </summary>
public sealed class ReferenceStore
{
    private readonly List<Held> _held = [];

    /// <summary>What an import should report.</summary>
    public sealed record Outcome(bool Committed, long Inserted, long Unchanged, long Rejected);

    /// <summary>A stored version.</summary>
    public sealed record Held(long Seq, VersionRecord Record, Release Release)
    {
        public string Id => Record.Object.Id.ToString();

        public long Version => Record.Object.Version.Ticks;

        public PartyId Originator => Record.Distribution.Originator;

        /// <summary>Everything a read should return about this version, as one comparable line.</summary>
        public string Describe() => Fingerprint.Of(Id, Version, Originator, Record.Object.Revoked, Release, Record.Object.Json);
    }

    /// <summary>Imports <paramref name="objects"/> as the importer does: checks each release, then decides each version in order.</summary>
    public Outcome Import(PartyId originator, IReadOnlySet<ChannelId> originatorChannels, IReadOnlyList<TestObject> objects, bool allOrNothing)
    {
        var pending = new List<Held>();
        var widened = new Dictionary<long, Release>();
        long inserted = 0, unchanged = 0, rejected = 0;
        foreach (var obj in objects)
        {
            var record = Records.Of(obj, originator);
            if (!record.Distribution.Release.Channels.All(originatorChannels.Contains))
            {
                rejected++;
                continue;
            }

            var id = record.Object.Id.ToString();
            var sameObject = _held.Concat(pending).Where(h => h.Id == id).ToList();
            var verdict = VersionRule.Decide(
                sameObject.Select(h => new ExistingVersion(h.Originator, h.Version, h.Record.Object.Revoked, h.Record.Digest)),
                record.Object.Type,
                originator,
                record.Object.Version.Ticks,
                record.Digest);
            switch (verdict)
            {
                case VersionVerdict.Insert:
                    var release = record.Distribution.Release;
                    var heldVersions = sameObject.Select(h => new ExistingVersion(h.Originator, h.Version, h.Record.Object.Revoked, h.Record.Digest, h.Record.Distribution.Tlp));
                    if (Propagation.ReachesEarlierRecipients(record.Object.Revoked, record.Distribution.Tlp, record.Object.Version.Ticks, originator, heldVersions))
                    {
                        foreach (var earlier in sameObject.Where(h => h.Originator == originator))
                        {
                            release = release.Union(earlier.Release);
                        }
                    }

                    pending.Add(new Held(_held.Count + pending.Count, record, release));
                    inserted++;
                    if (!record.Object.Revoked)
                    {
                        // An earlier version arriving after a revocation: the revocation reaches its recipients too.
                        foreach (var revocation in sameObject.Where(h => h.Originator == originator && h.Record.Object.Revoked && h.Version > record.Object.Version.Ticks))
                        {
                            var current = widened.TryGetValue(revocation.Seq, out var w) ? w : revocation.Release;
                            widened[revocation.Seq] = current.Union(release);
                        }
                    }

                    break;
                case VersionVerdict.Unchanged:
                    unchanged++;
                    break;
                default:
                    rejected++;
                    break;
            }
        }

        if (allOrNothing && rejected > 0)
        {
            return new Outcome(false, 0, 0, rejected);
        }

        _held.AddRange(pending);
        foreach (var (seq, release) in widened)
        {
            _held[(int)seq] = _held[(int)seq] with { Release = release };
        }

        return new Outcome(true, inserted, unchanged, rejected);
    }

    public bool CanRead(Reader reader, Held version) => ReleasabilityRule.CanRead(reader, version.Originator, version.Release);

    /// <summary>The versions of one object the reader may read, oldest first (version, then store order).</summary>
    public IEnumerable<Held> Versions(Reader reader, string id) =>
        _held.Where(h => h.Id == id && CanRead(reader, h)).OrderBy(h => h.Version).ThenBy(h => h.Seq);

    /// <summary>Each object the reader may read, as its latest readable version, in store order.</summary>
    public IEnumerable<Held> LatestReadable(Reader reader) =>
        _held.Where(h => CanRead(reader, h))
            .GroupBy(h => h.Id)
            .Select(g => g.OrderBy(h => h.Version).ThenBy(h => h.Seq).Last())
            .OrderBy(h => h.Seq);

    /// <summary>What a listing with <paramref name="query"/> must return for the reader.</summary>
    public IEnumerable<Held> List(Reader reader, ObjectQuery query)
    {
        if (query.Channel is { } channel && !reader.Channels.Contains(channel))
        {
            return [];
        }

        var words = SearchTerms.Split(query.Text).Select(w => w.ToLowerInvariant()).ToList();
        return LatestReadable(reader).Where(h =>
            (query.Type is null || h.Record.Object.Type == query.Type)
            && (query.Originator is null || h.Originator == query.Originator)
            && (query.Channel is null || h.Release.Channels.Contains(query.Channel.Value))
            && (query.ModifiedAfter is null || h.Version > query.ModifiedAfter)
            && words.All(w => TextWords(h.Record.Object.SearchText).Any(t => t.StartsWith(w, StringComparison.Ordinal))));
    }

    /// <summary>The words of an indexed text, cut at anything that is not a letter or a digit and lower-cased (independently of SearchTerms).</summary>
    private static IEnumerable<string> TextWords(string text) =>
        text.Split(text.Where(c => !char.IsLetterOrDigit(c)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant());
}
