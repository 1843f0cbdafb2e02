using System.Net;
using Concord.Server.Tests.Node;
using Concord.Server.Tests.Stix;

namespace Concord.Server.Tests.Import;

public sealed class ConcurrentImportTests
{
    [Fact]
    public async Task Parties_importing_and_reading_at_once_all_succeed_and_every_object_lands_once()
    {
        var (node, parties) = await TestNode.StartWithPartiesAsync("us-fbi", "ru-fsb", "pk-isi");
        await using var _ = node;
        await node.AddChannelAsync("kabul-conf", "us-fbi", "ru-fsb", "pk-isi");
        const int Bundles = 6;
        const int PerBundle = 50;

        var imports = parties.SelectMany(p => Enumerable.Range(0, Bundles).Select(async b =>
        {
            var drafts = Enumerable.Range(0, PerBundle).Select(i => StixDraft.ThreatActor($"Concurrent {p.Id} {b} {i}", channels: ["kabul-conf"])).ToArray();
            var answer = await p.ImportAsync(StixDraft.Bundle(drafts));
            Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
            Assert.Equal(PerBundle, answer.Json["inserted"]!.GetValue<long>());
        }));
        var reads = parties.SelectMany(p => Enumerable.Range(0, 10).Select(async _ =>
        {
            var answer = await p.GetAsync("/api/objects?limit=20");
            Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        }));
        await Task.WhenAll(imports.Concat(reads));

        foreach (var party in parties)
        {
            var all = await party.ListAllAsync(limit: 1000);
            Assert.Equal(parties.Count * Bundles * PerBundle, all.Count);
            Assert.Equal(all.Count, all.Select(o => o["id"]!.GetValue<string>()).Distinct().Count());
        }
    }
}
