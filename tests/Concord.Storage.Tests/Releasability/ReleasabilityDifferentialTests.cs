using System.Globalization;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Storage.Objects;
using Concord.Storage.Tests.Backends;
using Concord.Storage.Tests.Support;
using CsCheck;
using Xunit.Sdk;

namespace Concord.Storage.Tests.Releasability;

/// <summary>
/// The differential test of the one rule: random parties, channels and object versions go into the backend
/// through the real importer, and for every party as reader, get, history, every page of a listing, count,
/// each filter and text search must return exactly what <see cref="ReferenceStore"/> computes from the Domain
/// rule over the same versions in memory. This is what proves a backend's SQL read filter equal to
/// <see cref="ReleasabilityRule"/>.
/// </summary>
public abstract class ReleasabilityDifferentialTests(StoreFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Cases per backend; <c>CONCORD_DIFFERENTIAL_ITERATIONS</c> raises it for a deeper run.</summary>
    private static long Iterations =>
        long.TryParse(Environment.GetEnvironmentVariable("CONCORD_DIFFERENTIAL_ITERATIONS"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 40;

    private IConcordStore Store => fixture.Shared.Store;

    [ContractFact]
    public Task Every_read_path_returns_exactly_what_the_domain_rule_allows() =>
        Scenario.Generator.SampleAsync(RunAsync, iter: Iterations, threads: 1, print: Scenario.Print);

    private async Task RunAsync(Scenario scenario)
    {
        var world = new TestWorld(Store);
        var parties = new List<PartyId>();
        for (var i = 0; i < scenario.Parties; i++)
        {
            parties.Add(await world.PartyAsync($"p{i}"));
        }

        var channels = new List<ChannelId>();
        var membership = parties.ToDictionary(p => p, _ => new HashSet<ChannelId>());
        for (var c = 0; c < scenario.ChannelMembers.Length; c++)
        {
            var members = parties.Where((_, i) => (scenario.ChannelMembers[c] & (1 << i)) != 0).ToArray();
            var channel = await world.ChannelAsync($"c{c}", members);
            channels.Add(channel);
            foreach (var member in members)
            {
                membership[member].Add(channel);
            }
        }

        var ids = scenario.ObjectKinds.Select(k => StixId.New(Scenario.Types[k])).ToList();
        var oracle = new ReferenceStore();
        await ImportAsync(scenario, world, parties, channels, membership, ids, oracle);

        foreach (var party in parties)
        {
            var reader = new Reader(party, membership[party]);
            Same($"channels of {party}", reader.Channels.Select(c => c.Value).Order(), (await Store.Directory.ListChannelsOfAsync(party, None)).Select(c => c.Value).Order());
            await CheckObjectsAsync(reader, ids, oracle);
            await CheckListingsAsync(scenario, reader, parties, channels, oracle);
        }
    }

    private static async Task ImportAsync(
        Scenario scenario, TestWorld world, List<PartyId> parties, List<ChannelId> channels, Dictionary<PartyId, HashSet<ChannelId>> membership, List<StixId> ids, ReferenceStore oracle)
    {
        TestObject? previous = null;
        foreach (var step in scenario.Steps)
        {
            var originator = parties[step.Originator];
            var objects = new List<TestObject>();
            foreach (var spec in step.Versions)
            {
                var obj = spec.Repeat && previous is not null ? previous : Build(spec, ids[spec.Object], parties, channels.Where(membership[originator].Contains).ToList(), channels);
                objects.Add(obj);
                previous = obj;
            }

            var report = await world.ImportAsync(originator, objects, step.AllOrNothing, step.BatchSize);
            var expected = oracle.Import(originator, membership[originator], objects, step.AllOrNothing);
            var actual = expected.Committed
                ? new ReferenceStore.Outcome(report.Committed, report.Inserted, report.Unchanged, report.Rejected)
                : expected with { Committed = report.Committed, Inserted = report.Inserted };
            if (expected != actual)
            {
                throw new XunitException($"import by {originator}: expected {expected}, got {actual}");
            }
        }
    }

    /// <summary>The version <paramref name="spec"/> describes; its channels are only those its originator may release to.</summary>
    private static TestObject Build(Scenario.VersionSpec spec, StixId id, List<PartyId> parties, List<ChannelId> originatorChannels, List<ChannelId> channels)
    {
        var releaseParties = parties.Where((_, i) => (spec.PartyMask & (1 << i)) != 0).ToList();
        var releaseChannels = channels.Where((c, i) => (spec.ChannelMask & (1 << i)) != 0 && originatorChannels.Contains(c)).ToList();
        var obj = id.Type == "ipv4-addr"
            ? new TestObject(id) { Version = null, Name = null, Value = $"10.{spec.Object}.{spec.Words[0]}.1" }
            : new TestObject(id) { Version = spec.Version, Name = string.Join(' ', spec.Words.Select(w => Scenario.Vocabulary[w])), Revoked = spec.Revoked };
        return obj with { ReleaseParties = releaseParties, ReleaseChannels = releaseChannels };
    }

    private async Task CheckObjectsAsync(Reader reader, List<StixId> ids, ReferenceStore oracle)
    {
        foreach (var id in ids.Append(StixId.New("threat-actor")))
        {
            var versions = oracle.Versions(reader, id.ToString()).ToList();
            var latest = await Store.Objects.GetLatestAsync(reader, id, None);
            Same($"latest of {id} for {reader}", versions.TakeLast(1).Select(v => v.Describe()), latest is null ? [] : [Fingerprint.Of(latest)]);
            Same($"versions of {id} for {reader}", versions.Select(v => v.Describe()), (await Store.Objects.GetVersionsAsync(reader, id, None)).Select(Fingerprint.Of));
        }
    }

    private async Task CheckListingsAsync(Scenario scenario, Reader reader, List<PartyId> parties, List<ChannelId> channels, ReferenceStore oracle)
    {
        var queries = new List<ObjectQuery> { new() };
        queries.AddRange(Scenario.Types.Select(t => new ObjectQuery { Type = t }));
        queries.Add(new ObjectQuery { Originator = reader.Party });
        queries.Add(new ObjectQuery { Originator = parties[(parties.IndexOf(reader.Party) + 1) % parties.Count] });
        queries.AddRange(channels.Select(c => new ObjectQuery { Channel = c }));
        queries.Add(new ObjectQuery { ModifiedAfter = TestObject.Epoch.AddMinutes(scenario.ModifiedAfter).UtcTicks });
        queries.AddRange(scenario.Queries.Select(q => new ObjectQuery { Text = q.Text }));
        foreach (var query in queries)
        {
            var paged = query with { Limit = scenario.PageSize };
            var expected = oracle.List(reader, paged).Select(v => v.Describe()).ToList();
            var listed = await Listing.AllPagesAsync(Store.Objects, reader, paged);
            Same($"listing {Describe(query)} for {reader}", expected, listed.Select(Fingerprint.Of));
            var count = await Store.Objects.CountAsync(reader, query, None);
            if (count != expected.Count)
            {
                throw new XunitException($"count {Describe(query)} for {reader}: expected {expected.Count}, got {count}");
            }
        }
    }

    private static string Describe(ObjectQuery query) =>
        $"(type={query.Type}, originator={query.Originator}, channel={query.Channel}, modified_after={query.ModifiedAfter}, text={query.Text})";

    private static void Same(string what, IEnumerable<string> expected, IEnumerable<string> actual)
    {
        var e = expected.ToList();
        var a = actual.ToList();
        if (!e.SequenceEqual(a, StringComparer.Ordinal))
        {
            throw new XunitException($"{what}:\n  expected:\n    {string.Join("\n    ", e)}\n  actual:\n    {string.Join("\n    ", a)}");
        }
    }
}
