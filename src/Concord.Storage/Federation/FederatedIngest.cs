using System.Globalization;
using System.Text.Json;
using Concord.Domain.Directory;
using Concord.Domain.Federation;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Domain.Versioning;
using Concord.Storage.Audit;
using Concord.Storage.Objects;

namespace Concord.Storage.Federation;

/// <summary>
/// Takes in object versions a peer sent — by push (a TAXII POST from the peer) or by pull (a TAXII page this node
/// fetched) — after checking each against <see cref="IngestRule"/>. Accepted versions keep their originator, the part
/// of the release this node's parties may know of, and the originating node's signature; refused ones are recorded
/// with their reason and never stored. One call is one transaction, so a page is taken in whole or not at all.
/// </summary>
public sealed class FederatedIngest
{
    /// <summary>Versions checked and written at a time within a page's transaction.</summary>
    private const int IngestChunk = 1000;

    private readonly IConcordStore _store;
    private readonly NodeId _sender;
    private readonly Dictionary<PartyId, Party> _parties;
    private readonly Dictionary<NodeId, NodePublicKey> _keys;
    private readonly HashSet<PartyId> _local;
    private readonly Dictionary<ChannelId, bool> _channelHasLocalMember;
    private readonly Peer? _feed;
    private readonly PartyId? _feedParty;
    private readonly VersionSignature.Verifier _verifier = new();
    private IReadOnlyDictionary<(NodeId Node, StixId Id), Tombstone> _tombstones = new Dictionary<(NodeId, StixId), Tombstone>();

    private FederatedIngest(IConcordStore store, NodeId sender, IReadOnlyList<Party> parties, IReadOnlyList<Peer> peers, Dictionary<ChannelId, bool> channels)
    {
        _store = store;
        _sender = sender;
        _parties = parties.ToDictionary(p => p.Id);
        _local = parties.Where(p => p.IsLocal).Select(p => p.Id).ToHashSet();
        _keys = peers.Where(p => p.PublicKey is not null).ToDictionary(p => p.Node, p => p.PublicKey!);
        _channelHasLocalMember = channels;
        _feed = peers.FirstOrDefault(p => p.Node == sender && p.IsFeed);
        var feedParties = parties.Where(p => p.Node == sender).Select(p => p.Id).ToList();
        _feedParty = feedParties.Count == 1 ? feedParties[0] : null;
    }

    /// <summary>Prepares an ingest of what <paramref name="sender"/> sends, with the directory and peer keys as they are now.</summary>
    public static async Task<FederatedIngest> StartAsync(IConcordStore store, NodeId sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var parties = await store.Directory.ListPartiesAsync(cancellationToken);
        var local = parties.Where(p => p.IsLocal).Select(p => p.Id).ToHashSet();
        var channels = new Dictionary<ChannelId, bool>();
        foreach (var channel in await store.Directory.ListChannelsAsync(cancellationToken))
        {
            var members = await store.Directory.ListChannelMembersAsync(channel.Id, cancellationToken);
            channels[channel.Id] = members.Any(local.Contains);
        }

        return new FederatedIngest(store, sender, parties, await store.Federation.ListPeersAsync(cancellationToken), channels);
    }

    /// <summary>Checks and stores a page of objects (each a STIX object with Concord's extension).</summary>
    public async Task<IngestReport> IngestAsync(IReadOnlyList<JsonElement> objects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var refusals = new List<(int Index, RefusalRecord Record)>();
        var ids = objects.Select(o => o.ValueKind == JsonValueKind.Object && o.TryGetProperty("id", out var id) && StixId.TryParse(id.GetString(), out var s) ? s : default)
            .Where(s => s.Type is not null).Distinct().ToList();
        _tombstones = await _store.Federation.GetTombstonesAsync(ids, cancellationToken);

        // Checked and written a chunk at a time, in one transaction: only a chunk's prepared versions are alive at once,
        // so a page of 10,000 does not keep ≈ 25 MiB of them alive (and copied by the collector) until its commit.
        long inserted = 0, unchanged = 0;
        var withdrawn = new List<VersionRecord>();
        IImportSession? session = null;
        try
        {
            var records = new List<VersionRecord>(Math.Min(objects.Count, IngestChunk));
            var positions = new List<int>(Math.Min(objects.Count, IngestChunk));
            var prepared = new (VersionRecord? Record, RefusalRecord? Refusal)[Math.Min(objects.Count, IngestChunk)];
            for (var start = 0; start < objects.Count; start += IngestChunk)
            {
                var count = Math.Min(IngestChunk, objects.Count - start);
                Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, i => prepared[i] = Prepare(objects[start + i], start + i));
                records.Clear();
                positions.Clear();
                for (var i = 0; i < count; i++)
                {
                    if (prepared[i].Refusal is { } refusal)
                    {
                        refusals.Add((start + i, refusal));
                    }
                    else
                    {
                        records.Add(prepared[i].Record!);
                        positions.Add(start + i);
                    }

                    prepared[i] = default;
                }

                if (records.Count == 0)
                {
                    continue;
                }

                session ??= await _store.Objects.BeginImportAsync(allOrNothing: true, cancellationToken);
                var verdicts = await session.WriteAsync(records, cancellationToken);
                for (var i = 0; i < verdicts.Count; i++)
                {
                    switch (verdicts[i])
                    {
                        case VersionVerdict.Insert or VersionVerdict.Unchanged:
                            inserted += verdicts[i] == VersionVerdict.Insert ? 1 : 0;
                            unchanged += verdicts[i] == VersionVerdict.Unchanged ? 1 : 0;
                            if (_tombstones.ContainsKey((_sender, records[i].Object.Id)) && _parties.TryGetValue(records[i].Distribution.Originator, out var p) && p.Node == _sender)
                            {
                                withdrawn.Add(records[i]);
                            }

                            break;
                        default:
                            var reason = verdicts[i] == VersionVerdict.Conflict ? IngestRefusal.Conflict : IngestRefusal.Invalid;
                            refusals.Add((positions[i], new RefusalRecord(DateTimeOffset.UtcNow, _sender, records[i].Object.Id.ToString(), reason, VersionRule.Explain(verdicts[i]))));
                            break;
                    }
                }
            }

            if (session is not null)
            {
                await session.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }

        foreach (var record in withdrawn)
        {
            // The originator's own node released it again to these targets: that withdrawal is over.
            await _store.Federation.ClearTombstonesAsync(_sender, record.Object.Id, record.Distribution.Release, cancellationToken);
        }

        foreach (var (_, record) in refusals)
        {
            await _store.Federation.RecordRefusalAsync(record, cancellationToken);
        }

        var report = new IngestReport(objects.Count, inserted, unchanged, refusals.OrderBy(r => r.Index).Select(r => new IngestProblem(r.Index, r.Record)).ToList());
        await _store.Audit.AppendAsync(
            new AuditRecord(DateTimeOffset.UtcNow, "node:" + _sender.Value, null, "federation-ingest", null, null,
                string.Create(CultureInfo.InvariantCulture, $"received={report.Received} inserted={inserted} unchanged={unchanged} refused={refusals.Count}")),
            cancellationToken);
        return report;
    }

    private (VersionRecord?, RefusalRecord?) Prepare(JsonElement element, int index)
    {
        var validation = StixValidator.Validate(element, $"/objects/{index}");
        if (validation.Object is not { } obj)
        {
            var error = validation.Errors.FirstOrDefault();
            return (null, Refuse(validation.Id, IngestRefusal.Invalid, error is null ? "not a valid STIX object" : $"{error.Pointer}: {error.Message}"));
        }

        if (_feed is { FeedRelease: { } feedRelease })
        {
            return PrepareFromFeed(obj, feedRelease);
        }

        var (originatorText, signature) = ReadSigned(element);
        if (!PartyId.TryParse(originatorText, out var originator))
        {
            return (null, Refuse(obj.Id.ToString(), IngestRefusal.UnknownOriginator, "the Concord extension names no valid originator"));
        }

        var known = _parties.TryGetValue(originator, out var party);
        var home = party?.Node;
        var release = Known(obj.Concord.Release ?? Release.None);
        if (home is { } h && h != _sender && _tombstones.TryGetValue((h, obj.Id), out var tombstone))
        {
            // Relayed by a node that may not have heard yet: what the originator's node withdrew stays withdrawn.
            release = tombstone.Apply(release);
        }

        var distribution = new Distribution(originator, release, obj.Tlp, obj.Concord.Handling);
        var arrival = new IngestRule.Arrival(
            _sender, known, home, home is { } n && _keys.TryGetValue(n, out var key) ? key : null, signature,
            (k, s) => _verifier.Verify(k, s, obj.Json.Span, originator, obj.Concord.Handling, obj.Concord.Grading),
            distribution, ReadableHere(release));
        if (IngestRule.Check(arrival) is { } refusal)
        {
            return (null, Refuse(obj.Id.ToString(), refusal.Refusal, refusal.Reason));
        }

        var record = new VersionRecord(obj, distribution, obj.Concord.Grading, VersionDigest.Compute(obj.Json.Span, distribution, obj.Concord.Grading))
        {
            Signature = signature,
            MergeRelease = true,
        };
        return (record, null);
    }

    /// <summary>
    /// An object from a plain TAXII feed: attributed to the feed's party, released as configured; anything the content
    /// says about Concord releases is not the feed's to say and is ignored.
    /// </summary>
    private (VersionRecord?, RefusalRecord?) PrepareFromFeed(StixObject obj, Release feedRelease)
    {
        if (_feedParty is not { } party)
        {
            return (null, Refuse(obj.Id.ToString(), IngestRefusal.UnknownOriginator, $"register exactly one party with --node {_sender} for this feed"));
        }

        var release = Known(feedRelease);
        var distribution = new Distribution(party, release, obj.Tlp, Handling.None);
        var arrival = new IngestRule.Arrival(_sender, true, _sender, null, null, (_, _) => false, distribution, ReadableHere(release)) { Feed = true };
        if (IngestRule.Check(arrival) is { } refusal)
        {
            return (null, Refuse(obj.Id.ToString(), refusal.Refusal, refusal.Reason));
        }

        return (new VersionRecord(obj, distribution, null, VersionDigest.Compute(obj.Json.Span, distribution, null)) { MergeRelease = true }, null);
    }

    /// <summary>The part of a received release that names parties and channels known here.</summary>
    private Release Known(Release release) =>
        release.Parties.All(_parties.ContainsKey) && release.Channels.All(_channelHasLocalMember.ContainsKey)
            ? release
            : new(release.Parties.Where(_parties.ContainsKey), release.Channels.Where(_channelHasLocalMember.ContainsKey));

    private bool ReadableHere(Release release) =>
        release.Parties.Any(_local.Contains) || release.Channels.Any(c => _channelHasLocalMember.TryGetValue(c, out var has) && has);

    private RefusalRecord Refuse(string? id, IngestRefusal reason, string detail) => new(DateTimeOffset.UtcNow, _sender, id, reason, detail);

    /// <summary>The originator and signature a peer wrote into Concord's extension (the validator ignores both).</summary>
    private static (string? Originator, byte[]? Signature) ReadSigned(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("extensions", out var extensions) || extensions.ValueKind != JsonValueKind.Object
            || !extensions.TryGetProperty(ConcordExtension.Id, out var concord) || concord.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }

        var originator = concord.TryGetProperty("originator", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
        byte[]? signature = null;
        if (concord.TryGetProperty("signature", out var s) && s.ValueKind == JsonValueKind.String && s.TryGetBytesFromBase64(out var bytes))
        {
            signature = bytes;
        }

        return (originator, signature);
    }
}

/// <summary>What happened to a page a peer sent.</summary>
/// <param name="Received">Objects in the page.</param>
/// <param name="Inserted">New versions stored.</param>
/// <param name="Unchanged">Versions already held (or whose release was merged into one held).</param>
/// <param name="Problems">The refused ones, by position in the page.</param>
public sealed record IngestReport(long Received, long Inserted, long Unchanged, IReadOnlyList<IngestProblem> Problems);

/// <summary>One refused object of a page.</summary>
/// <param name="Index">Its position in the page.</param>
/// <param name="Refusal">The refusal.</param>
public sealed record IngestProblem(int Index, RefusalRecord Refusal);
