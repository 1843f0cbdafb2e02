using System.Text.Json;

namespace Concord.Cli.Tests.Federation;

/// <summary>
/// Two nodes driven only through the command line, as docs/FEDERATION.md describes: each store served by
/// <c>concord serve --no-sync</c> as a real child process on its own loopback port, objects imported at one node
/// reaching the partner's analysts through <c>concord sync</c>.
/// </summary>
public sealed class TwoNodeSyncTests
{
    [Fact]
    public async Task What_one_node_shares_on_a_channel_reaches_the_partner_through_sync_and_nothing_else_does()
    {
        using var pair = await FederatedPair.CreateAsync();
        await using var servingA = await ServeProcess.StartAsync(pair.A.Store);
        await using var servingB = await ServeProcess.StartAsync(pair.B.Store);
        Assert.NotEqual(servingA.Port, servingB.Port);
        await pair.AddBAtAAsync(servingB.Url);
        await pair.AddAAtBAsync(servingA.Url);

        var shared = Stix.NewId();
        var alsoShared = Stix.NewId("intrusion-set");
        var kept = Stix.NewId();
        var sharedBundle = pair.A.WriteFile("shared.json", Stix.Bundle(
            Stix.ThreatActor(shared, "Lashkar Courier Network", aliases: ["Курьерская сеть"]),
            new System.Text.Json.Nodes.JsonObject
            {
                ["type"] = "intrusion-set",
                ["spec_version"] = "2.1",
                ["id"] = alsoShared,
                ["created"] = "2024-01-01T00:00:00.000Z",
                ["modified"] = "2024-01-01T00:00:00.000Z",
                ["name"] = "Courier Cell North",
            }));
        var keptBundle = pair.A.WriteFile("kept.json", Stix.Bundle(Stix.ThreatActor(kept, "Internal Courier Source")));
        var imported = (await pair.A.OkAsync("import", sharedBundle, "--as", FederatedPair.AnalystA, "--channel", FederatedPair.Channel, "--json")).Json();
        await pair.A.OkAsync("import", keptBundle, "--as", FederatedPair.AnalystA);
        Assert.Equal(2, imported.GetProperty("inserted").GetInt32());

        // Before the sync B has nothing.
        (await pair.B.RunAsync("get", shared, "--as", FederatedPair.AnalystB)).AssertOneErrorLine("not found");

        var first = await pair.A.OkAsync("sync");
        var second = await pair.A.OkAsync("sync");
        var secondJson = Assert.Single((await pair.A.OkAsync("sync", "--peer", FederatedPair.NodeB, "--json")).Json().EnumerateArray());

        Assert.Equal($"{FederatedPair.NodeB}: pushed 2, pulled 0, withdrawals 0, refused 0", first.Output.Trim());
        Assert.Equal($"{FederatedPair.NodeB}: pushed 0, pulled 0, withdrawals 0, refused 0", second.Output.Trim());
        Assert.Equal(0, secondJson.GetProperty("pushed").GetInt64());
        Assert.Equal(JsonValueKind.Null, secondJson.GetProperty("error").ValueKind);

        var got = (await pair.B.OkAsync("get", shared, "--as", FederatedPair.AnalystB)).Json();
        Assert.Equal("Lashkar Courier Network", got.GetProperty("name").GetString());
        var extension = got.GetProperty("extensions").EnumerateObject().Single().Value;
        Assert.Equal("ru-fsb", extension.GetProperty("originator").GetString());
        Assert.Equal([FederatedPair.Channel], extension.GetProperty("release").GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        var found = (await pair.B.OkAsync("search", "Courier", "--as", FederatedPair.AnalystB, "--json")).Json();
        Assert.Equal([alsoShared, shared], found.EnumerateArray().Select(h => h.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        var foundInCyrillic = (await pair.B.OkAsync("search", "Курьерская", "--as", FederatedPair.AnalystB, "--json")).Json();
        Assert.Equal(shared, Assert.Single(foundInCyrillic.EnumerateArray()).GetProperty("id").GetString());
        // What A's party kept to itself never left A.
        (await pair.B.RunAsync("get", kept, "--as", FederatedPair.AnalystB)).AssertOneErrorLine("not found");
        using (var b = FederatedPair.OpenStore(pair.B))
        {
            Assert.Equal(2L, FederatedPair.Scalar<long>(b, "SELECT count(*) FROM object_version"));
            Assert.Equal(2L, FederatedPair.Scalar<long>(b, "SELECT count(*) FROM version_signature"));
        }

        Assert.Equal(0, (await pair.B.OkAsync("peer", "refusals", "--json")).Json().GetArrayLength());

        // And back: B's analyst shares on the channel, B syncs to A's server, A's analyst reads it.
        var fromB = Stix.NewId();
        await pair.B.OkAsync("import", pair.B.WriteFile("from-b.json", Stix.Bundle(Stix.ThreatActor(fromB, "Northern Liaison"))), "--as", FederatedPair.AnalystB, "--channel", FederatedPair.Channel);
        var back = await pair.B.OkAsync("sync");
        Assert.Equal($"{FederatedPair.NodeA}: pushed 1, pulled 0, withdrawals 0, refused 0", back.Output.Trim());
        Assert.Equal("pk-isi", (await pair.A.OkAsync("get", fromB, "--as", FederatedPair.AnalystA)).Json().GetProperty("extensions").EnumerateObject().Single().Value.GetProperty("originator").GetString());
        // A's own versions are never sent back to it, and A does not send B's version back either.
        Assert.Contains("pushed 0", (await pair.B.OkAsync("sync")).Output, StringComparison.Ordinal);
        Assert.Contains("pushed 0", (await pair.A.OkAsync("sync")).Output, StringComparison.Ordinal);

        // A withdrawal at the originator is delivered by the next sync, and B purges the object.
        var withdrawn = await pair.A.OkAsync("withdraw", shared, "--as", FederatedPair.AnalystA, "--channel", FederatedPair.Channel);
        Assert.Contains("1 release entries removed", withdrawn.Output, StringComparison.Ordinal);
        var delivered = await pair.A.OkAsync("sync");
        Assert.Equal($"{FederatedPair.NodeB}: pushed 0, pulled 0, withdrawals 1, refused 0", delivered.Output.Trim());
        (await pair.B.RunAsync("get", shared, "--as", FederatedPair.AnalystB)).AssertOneErrorLine("not found");
        Assert.Equal(alsoShared, Assert.Single((await pair.B.OkAsync("search", "Courier", "--as", FederatedPair.AnalystB, "--json")).Json().EnumerateArray()).GetProperty("id").GetString());
        Assert.Contains("withdrawals 0", (await pair.A.OkAsync("sync")).Output, StringComparison.Ordinal);
        using (var b = FederatedPair.OpenStore(pair.B))
        {
            Assert.Equal(0L, FederatedPair.Scalar<long>(b, $"SELECT count(*) FROM object_version WHERE object_id = '{shared}'"));
        }

        await pair.A.OkAsync("audit", "verify");
        await pair.B.OkAsync("audit", "verify");
    }

    [Fact]
    public async Task A_version_whose_signature_does_not_verify_is_refused_and_listed_by_peer_refusals()
    {
        using var pair = await FederatedPair.CreateAsync();
        using var impostor = TestNode.Create();
        var wrongKey = (await impostor.OkAsync("node", "show", "--id", "node-impostor", "--json")).Json().GetProperty("public_key").GetString()!;
        await using var servingB = await ServeProcess.StartAsync(pair.B.Store);
        await pair.AddBAtAAsync(servingB.Url);
        // B was given the wrong key for A.
        await pair.AddAAtBAsync(FederatedPair.UnusedUrl(), publicKeyOfA: wrongKey);
        var id = Stix.NewId();
        await pair.A.OkAsync("import", pair.A.WriteFile("one.json", Stix.Bundle(Stix.ThreatActor(id, "Unverifiable Actor"))), "--as", FederatedPair.AnalystA, "--channel", FederatedPair.Channel);

        var sync = await pair.A.OkAsync("sync");

        Assert.Equal($"{FederatedPair.NodeB}: pushed 1, pulled 0, withdrawals 0, refused 1", sync.Output.Trim());
        (await pair.B.RunAsync("get", id, "--as", FederatedPair.AnalystB)).AssertOneErrorLine("not found");
        var refusal = Assert.Single((await pair.B.OkAsync("peer", "refusals", "--json")).Json().EnumerateArray());
        Assert.Equal(FederatedPair.NodeA, refusal.GetProperty("node").GetString());
        Assert.Equal(id, refusal.GetProperty("object_id").GetString());
        Assert.Equal("bad-signature", refusal.GetProperty("reason").GetString());
        Assert.DoesNotContain("Unverifiable Actor", refusal.GetRawText(), StringComparison.Ordinal);
        var table = await pair.B.OkAsync("peer", "refusals");
        Assert.Contains("bad-signature", table.Output, StringComparison.Ordinal);
        using (var b = FederatedPair.OpenStore(pair.B))
        {
            Assert.Equal(0L, FederatedPair.Scalar<long>(b, "SELECT count(*) FROM object_version"));
        }

        // Once B has the right key, nothing is sent by itself (A's cursor passed the refused version) until A resends.
        await pair.AddAAtBAsync(FederatedPair.UnusedUrl());
        Assert.Equal($"{FederatedPair.NodeB}: pushed 0, pulled 0, withdrawals 0, refused 0", (await pair.A.OkAsync("sync")).Output.Trim());
        await pair.A.OkAsync("peer", "resend", FederatedPair.NodeB);
        Assert.Equal($"{FederatedPair.NodeB}: pushed 1, pulled 0, withdrawals 0, refused 0", (await pair.A.OkAsync("sync")).Output.Trim());
        Assert.Contains("Unverifiable Actor", (await pair.B.OkAsync("get", id, "--as", FederatedPair.AnalystB)).Output, StringComparison.Ordinal);
        (await pair.A.RunAsync("peer", "resend", "node-unknown")).AssertOneErrorLine("no peer 'node-unknown'");
    }
}
