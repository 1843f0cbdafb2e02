using System.Net;
using System.Text.Json.Nodes;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Server.Tests.Node;
using Concord.Server.Tests.Stix;
using Concord.Server.Tests.Wire;
using CsCheck;

namespace Concord.Server.Tests.Releasability;

/// <summary>
/// The one rule attacked from every read path of the HTTP API: random parties, channels, releases, TLP levels,
/// caveats, versions, revocations and forwards go in through <c>POST /api/bundles</c> and
/// <c>POST /api/objects/{id}/release</c>; then every party's get, history, list, count, search, filters and
/// export must equal what <see cref="ReleasabilityRule"/> computes over the same versions in memory.
/// </summary>
public sealed class ReleasabilityPropertyTests
{
    private const string Word = "khorasan";

    [Fact]
    public Task Every_party_reads_through_the_api_exactly_what_the_domain_rule_allows() =>
        WorldSpec.Gen.SampleAsync(RunAsync, iter: 25, threads: 1, print: w => w.Describe());

    private static async Task RunAsync(WorldSpec spec)
    {
        await using var node = await TestNode.StartAsync();
        var parties = new List<PartyClient>();
        for (var i = 0; i < spec.PartyCount; i++)
        {
            parties.Add(await node.AddPartyAsync(WorldSpec.PartyNames[i]));
        }

        var channels = new Dictionary<ChannelId, IReadOnlyCollection<PartyId>>();
        for (var c = 0; c < spec.ChannelMembers.Length; c++)
        {
            var members = parties.Where((_, i) => (spec.ChannelMembers[c] & (1 << i)) != 0).Select(p => p.Party).ToList();
            await node.AddChannelAsync(WorldSpec.ChannelNames[c], [.. members.Select(m => m.Value)]);
            channels[ChannelId.Parse(WorldSpec.ChannelNames[c])] = members;
        }

        var oracle = new ReleasabilityOracle(parties.Select(p => p.Party), channels);
        await ImportAsync(spec, parties, oracle);
        await ForwardAsync(spec, parties, oracle);
        foreach (var party in parties)
        {
            await CheckReaderAsync(spec, party, oracle);
        }
    }

    /// <summary>
    /// Originators import every version. In time order, each originator sends the first versions of its objects
    /// in one bundle, then the second, then the third; out of order, versions arrive in a random order (as
    /// from a partner's sync), consecutive ones of the same originator sharing a bundle.
    /// </summary>
    private static async Task ImportAsync(WorldSpec spec, List<PartyClient> parties, ReleasabilityOracle oracle)
    {
        var steps = spec.Objects.SelectMany((o, i) => o.Versions.Select((_, round) => (Object: i, Round: round))).ToList();
        steps = spec.ArrivalKeys is { } keys
            ? [.. steps.OrderBy(s => keys[(s.Object * 3) + s.Round])]
            : [.. steps.OrderBy(s => s.Round).ThenBy(s => spec.Objects[s.Object].Originator).ThenBy(s => s.Object)];
        while (steps.Count > 0)
        {
            var originatorIndex = spec.Objects[steps[0].Object].Originator;
            var bundle = steps.TakeWhile(s => spec.Objects[s.Object].Originator == originatorIndex).ToList();
            steps.RemoveRange(0, bundle.Count);
            var originator = parties[originatorIndex];
            var reader = oracle.ReaderOf(originator.Party);
            var batch = new List<StixDraft>();
            var expectedRefused = new List<string>();
            var inserted = 0;
            foreach (var (i, round) in bundle)
            {
                var draft = Draft(spec, i, round, reader);
                var release = new Release((draft.Parties ?? []).Select(PartyId.Parse), (draft.Channels ?? []).Select(ChannelId.Parse));
                var (stored, _) = oracle.Import(draft, originator.Party, release, HandlingOf(spec.Objects[i].Versions[round]));
                if (stored is null)
                {
                    expectedRefused.Add($"/objects/{batch.Count}");
                }
                else
                {
                    inserted++;
                }

                batch.Add(draft);
            }

            var answer = await originator.ImportAsync(StixDraft.Bundle([.. batch]));
            Assert.True(answer.Status == (inserted > 0 || expectedRefused.Count == 0 ? HttpStatusCode.OK : HttpStatusCode.UnprocessableEntity), $"import by {originator.Id}: {answer}");
            var report = answer.Json;
            Assert.Equal(inserted, report["inserted"]!.GetValue<long>());
            Assert.Equal(expectedRefused.Count, report["rejected"]!.GetValue<long>());
            var pointers = report["problems"]!.AsArray().Select(p => p!["pointer"]!.GetValue<string>()).ToList();
            Assert.Equal(expectedRefused.Count, pointers.Count);
            Assert.All(pointers.Zip(expectedRefused), p => Assert.StartsWith(p.Second, p.First, StringComparison.Ordinal));
        }
    }

    private static async Task ForwardAsync(WorldSpec spec, List<PartyClient> parties, ReleasabilityOracle oracle)
    {
        foreach (var f in spec.Forwards)
        {
            var party = parties[f.Reader];
            var reader = oracle.ReaderOf(party.Party);
            var id = ObjectId(spec, f.Object);
            var targetParties = parties.Where((_, i) => (f.PartyMask & (1 << i)) != 0).Select(p => p.Id).ToList();
            var targetChannels = WorldSpec.ChannelNames.Take(spec.ChannelMembers.Length).Where((_, i) => (f.ChannelMask & (1 << i)) != 0).ToList();
            var target = new Release(targetParties.Select(PartyId.Parse), targetChannels.Select(ChannelId.Parse));
            var (version, refusal) = oracle.Forward(reader, id, target, f.UnknownParty);
            var answer = await party.ReleaseAsync(id, f.UnknownParty ? [.. targetParties, "zz-nobody"] : targetParties, targetChannels);

            var context = $"{party.Id} forwards {id} to {target}{(f.UnknownParty ? " and zz-nobody" : string.Empty)}";
            if (version is null)
            {
                Assert.True(answer.Status == HttpStatusCode.NotFound, $"{context}: {answer}");
            }
            else if (refusal is null)
            {
                Assert.True(answer.Status == HttpStatusCode.NoContent, $"{context}: {answer}");
            }
            else
            {
                Assert.True(answer.Status == HttpStatusCode.Forbidden, $"{context}: expected '{refusal}', got {answer}");
                var detail = answer.Json["detail"]!.GetValue<string>();
                Assert.True(refusal == "unknown party" ? detail.StartsWith(refusal, StringComparison.Ordinal) : detail == refusal, $"{context}: expected '{refusal}', got {answer}");
            }
        }
    }

    private static async Task CheckReaderAsync(WorldSpec spec, PartyClient party, ReleasabilityOracle oracle)
    {
        var reader = oracle.ReaderOf(party.Party);
        var notFound = Scrubber.WithoutTraceId((await party.GetAsync($"/api/objects/incident--{Guid.NewGuid()}")).Body);
        for (var i = 0; i < spec.Objects.Length; i++)
        {
            var id = ObjectId(spec, i);
            var latest = oracle.Latest(reader, id);
            var got = await party.GetAsync($"/api/objects/{id}");
            var history = await party.GetAsync($"/api/objects/{id}/versions");
            if (latest is null)
            {
                Assert.True(got.Status == HttpStatusCode.NotFound, $"{party.Id} GET {id}: {got}");
                Assert.Equal(notFound, Scrubber.WithoutTraceId(got.Body));
                Assert.True(history.Status == HttpStatusCode.NotFound, $"{party.Id} GET {id}/versions: {history}");
                Assert.Equal(notFound, Scrubber.WithoutTraceId(history.Body));
                continue;
            }

            Assert.True(got.Status == HttpStatusCode.OK, $"{party.Id} GET {id}: {got}");
            RenderedObject.AssertIs(got.Json.AsObject(), latest.Draft, latest.Distribution, reader, $"{party.Id} GET {id}");

            Assert.True(history.Status == HttpStatusCode.OK, $"{party.Id} GET {id}/versions: {history}");
            var expected = oracle.Readable(reader, id);
            var versions = history.Json["versions"]!.AsArray().Select(v => v!.AsObject()).ToList();
            Assert.Equal(id, history.Json["id"]!.GetValue<string>());
            Assert.Equal(expected.Select(v => StixDraft.Timestamp(v.Draft.Modified)), versions.Select(v => v["modified"]!.GetValue<string>()));
            foreach (var (v, e) in versions.Zip(expected))
            {
                RenderedObject.AssertIs(v, e.Draft, e.Distribution, reader, $"{party.Id} GET {id}/versions");
            }
        }

        await CheckListingAsync(party, reader, oracle, string.Empty, null, limit: 2);
        await CheckListingAsync(party, reader, oracle, $"q={Word}", v => v.Draft.Name.StartsWith("Khorasan", StringComparison.Ordinal), limit: 3);
        foreach (var channel in WorldSpec.ChannelNames.Take(spec.ChannelMembers.Length).Append("no-such-wg"))
        {
            var c = ChannelId.Parse(channel);
            await CheckListingAsync(party, reader, oracle, $"channel={channel}", v => reader.Channels.Contains(c) && v.Release.Channels.Contains(c), limit: 100);
        }

        var midway = StixDraft.Epoch.AddHours(12);
        await CheckListingAsync(party, reader, oracle, "modified_after=" + StixDraft.Timestamp(midway), v => v.Version > midway.Ticks, limit: 100);
        foreach (var type in WorldSpec.TypeNames)
        {
            Assert.Equal(oracle.Listing(reader, v => v.Draft.Type == type).Count, await party.CountAsync($"type={type}"));
        }

        foreach (var originator in oracle.Parties)
        {
            Assert.Equal(oracle.Listing(reader, v => v.Originator == originator).Count, await party.CountAsync($"originator={originator}"));
        }

        var all = oracle.Listing(reader);
        var exported = await party.ExportAsync();
        Assert.Equal(all.Select(v => v.Id), exported.Select(o => o["id"]!.GetValue<string>()));
        foreach (var (o, e) in exported.Zip(all))
        {
            RenderedObject.AssertIs(o, e.Draft, e.Distribution, reader, $"{party.Id} export");
        }

        var searched = await party.ExportAsync($"q={Word}&type=threat-actor");
        Assert.Equal(
            oracle.Listing(reader, v => v.Draft.Type == "threat-actor" && v.Draft.Name.StartsWith("Khorasan", StringComparison.Ordinal)).Select(v => v.Id),
            searched.Select(o => o["id"]!.GetValue<string>()));
    }

    private static async Task CheckListingAsync(PartyClient party, Reader reader, ReleasabilityOracle oracle, string query, Func<ModelVersion, bool>? filter, int limit)
    {
        var expected = oracle.Listing(reader, filter);
        var listed = await party.ListAllAsync(query, limit);
        Assert.True(
            expected.Select(v => v.Id).SequenceEqual(listed.Select(o => o["id"]!.GetValue<string>())),
            $"{party.Id} list '{query}': expected [{string.Join(", ", expected.Select(v => v.Id))}] got [{string.Join(", ", listed.Select(o => o["id"]))}]");
        foreach (var (o, e) in listed.Zip(expected))
        {
            RenderedObject.AssertIs(o, e.Draft, e.Distribution, reader, $"{party.Id} list '{query}'");
        }

        Assert.Equal(expected.Count, await party.CountAsync(query));
    }

    private static string ObjectId(WorldSpec spec, int index) =>
        $"{WorldSpec.TypeNames[spec.Objects[index].Type]}--0c0c0000-0000-4000-8000-{index:D12}";

    /// <summary>The version <paramref name="round"/> of object <paramref name="index"/> as its originator sends it.</summary>
    private static StixDraft Draft(WorldSpec spec, int index, int round, Reader originator)
    {
        var o = spec.Objects[index];
        var v = o.Versions[round];
        var channels = WorldSpec.ChannelNames.Take(spec.ChannelMembers.Length)
            .Where((c, i) => (v.ChannelMask & (1 << i)) != 0 && originator.Channels.Contains(ChannelId.Parse(c)))
            .ToList();
        if (v.StrayChannel)
        {
            channels.Add(WorldSpec.ChannelNames.Take(spec.ChannelMembers.Length).FirstOrDefault(c => !originator.Channels.Contains(ChannelId.Parse(c))) ?? "no-such-wg");
        }

        return new StixDraft
        {
            Type = WorldSpec.TypeNames[o.Type],
            Id = ObjectId(spec, index),
            Name = v.HasWord ? $"Khorasan network {index}" : $"Fergana courier {index}",
            Modified = StixDraft.Epoch.AddDays(round).AddMinutes(index),
            Tlp = ReleasabilityOracle.TlpOf(v.Tlp),
            Caveats = v.Caveat switch { 1 => ["ORCON"], 2 => ["H2"], 3 => ["H1"], 4 => ["H0"], _ => [] },
            Purpose = v.Caveat == 4 ? "joint threat assessment" : null,
            Grading = round % 2 == 0 ? "B2" : null,
            Channels = channels,
            Parties = WorldSpec.PartyNames.Take(spec.PartyCount).Where((_, i) => (v.PartyMask & (1 << i)) != 0).ToList(),
            Revoked = v.Revoked,
        };
    }

    private static Handling HandlingOf(VersionSpec v)
    {
        var caveats = v.Caveat switch { 1 => Caveats.Orcon, 2 => Caveats.NoOnwardSharing, 3 => Caveats.NoCourtUse, 4 => Caveats.PurposeOnly, _ => Caveats.None };
        Assert.True(Handling.TryCreate(caveats, v.Caveat == 4 ? "joint threat assessment" : null, null, out var handling, out var error), error);
        return handling;
    }
}
