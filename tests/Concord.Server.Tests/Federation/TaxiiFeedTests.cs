using System.Net;
using Concord.Domain.Releasability;
using Concord.Server.Federation;
using Concord.Server.Tests.Stix;
using Concord.Storage.Federation;
using Microsoft.Extensions.Logging.Abstractions;

namespace Concord.Server.Tests.Federation;

/// <summary>
/// A plain TAXII 2.1 server as a feed: nothing is signed, so the receiving node attributes what it pulls to the one
/// party registered for the feed and releases it as its administrator chose. The source here is a Concord node reached
/// the way a standard server is — by its API root URL, with HTTP Basic — and treated as any other TAXII server.
/// </summary>
public sealed class TaxiiFeedTests
{
    [Fact]
    public async Task A_feed_is_pulled_by_its_api_root_with_basic_auth_attributed_to_its_party_and_released_as_configured()
    {
        await using var f = await FederatedNodes.StartAsync(false, new NodeSpec("node-a", "ru-fsb"), new NodeSpec("node-b", "pk-isi", "pk-ib"));
        var (a, b) = (f["node-a"], f["node-b"]);
        var forB = StixDraft.Report("released to the Pakistani service", parties: ["pk-isi"]);
        var kept = StixDraft.Report("kept at home");
        await a["ru-fsb"].ImportOkAsync(StixDraft.Bundle(forB, kept));

        // B treats A as a plain feed: no key, Basic credentials, the API root given directly, everything to pk-ib only.
        var feed = new Peer(a.Id, new Uri(a.Node.Address, "/taxii2/concord/"), "sync:" + a.SyncKeys[b.Id], null, Pull: true, Push: false)
        {
            FeedRelease = new Release([PartyId.Parse("pk-ib")], []),
        };
        await b.Store.Federation.PutPeerAsync(feed, CancellationToken.None);
        var engine = new SyncEngine(b.Store, b.Signer, NullLogger.Instance);
        var peer = (await b.Store.Federation.ListPeersAsync(CancellationToken.None)).Single(p => p.Node == a.Id);
        Assert.True(peer.IsFeed);

        var first = await engine.SyncAsync(peer, CancellationToken.None);
        var second = await engine.SyncAsync(peer, CancellationToken.None);

        Assert.Equal(1, first.Pulled);
        Assert.Equal(0, second.Pulled);
        var got = await b["pk-ib"].GetAsync($"/api/objects/{forB.Id}");
        Assert.Equal(HttpStatusCode.OK, got.Status);
        Assert.Contains("\"originator\":\"ru-fsb\"", got.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await b["pk-isi"].GetAsync($"/api/objects/{forB.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await b["pk-ib"].GetAsync($"/api/objects/{kept.Id}")).Status);
        Assert.DoesNotContain(kept.Id, await b.HeldIdsAsync());
    }

    [Fact]
    public async Task A_feed_with_no_party_registered_for_it_brings_nothing_in_and_says_why()
    {
        await using var f = await FederatedNodes.StartAsync(false, new NodeSpec("node-a", "ru-fsb", "ru-svr"), new NodeSpec("node-b", "pk-isi"));
        var (a, b) = (f["node-a"], f["node-b"]);
        await a["ru-fsb"].ImportOkAsync(StixDraft.Bundle(StixDraft.Report("to Pakistan", parties: ["pk-isi"])));
        // node-a hosts two parties here, so which of them a feed's objects come from is not decided.
        var feed = new Peer(a.Id, new Uri(a.Node.Address, "/taxii2/concord/"), a.SyncKeys[b.Id], null, Pull: true, Push: false)
        {
            FeedRelease = new Release([PartyId.Parse("pk-isi")], []),
        };
        await b.Store.Federation.PutPeerAsync(feed, CancellationToken.None);

        var report = await new SyncEngine(b.Store, b.Signer, NullLogger.Instance).SyncAsync(feed, CancellationToken.None);

        Assert.Equal(0, report.Pulled);
        Assert.Equal(1, report.Refused);
        var refusal = Assert.Single(await b.Store.Federation.ListRefusalsAsync(10, CancellationToken.None));
        Assert.Contains("register exactly one party with --node node-a", refusal.Detail, StringComparison.Ordinal);
        Assert.Empty(await b.HeldIdsAsync());
    }
}
