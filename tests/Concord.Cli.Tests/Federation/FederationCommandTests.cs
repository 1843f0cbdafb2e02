using System.Text.Json;

namespace Concord.Cli.Tests.Federation;

/// <summary>
/// The federation commands on one node: <c>node show</c>, <c>party add --node</c>, <c>peer add|list|remove|refusals</c>,
/// <c>withdraw</c>, and <c>sync</c> against a peer that is not there. Bad input is one line on stderr and exit code 1.
/// </summary>
public sealed class FederationCommandTests
{
    private const string Secret = "concord_0123456789abcdef_Zq7XvKp2Wm9JtRb4Ny6Hs3Lc8Gd1Fw5Qx0VkUe";

    [Fact]
    public async Task Node_show_makes_the_identity_once_and_refuses_to_change_its_id()
    {
        using var node = TestNode.Create();

        var made = await node.OkAsync("node", "show", "--id", "node-moscow");
        var again = await node.OkAsync("node", "show");
        var same = await node.OkAsync("node", "show", "--id", "node-moscow");
        var other = await node.RunAsync("node", "show", "--id", "node-other");
        var json = (await node.OkAsync("node", "show", "--json")).Json();

        Assert.Contains("node-moscow", made.Output, StringComparison.Ordinal);
        var key = json.GetProperty("public_key").GetString()!;
        Assert.Matches("^ed25519:[A-Za-z0-9_-]{43}$", key);
        Assert.Equal("node-moscow", json.GetProperty("node").GetString());
        Assert.Equal(["node", "public_key"], json.EnumerateObject().Select(p => p.Name));
        Assert.Contains(key, made.Output, StringComparison.Ordinal);
        Assert.Equal(made.Output, again.Output);
        Assert.Equal(made.Output, same.Output);
        var error = other.AssertOneErrorLine("node-moscow");
        Assert.Contains("does not change", error, StringComparison.Ordinal);
        Assert.Empty(other.Output);
        Assert.Equal(key, (await node.OkAsync("node", "show", "--json")).Json().GetProperty("public_key").GetString());
    }

    [Fact]
    public async Task Node_show_refuses_a_malformed_id_and_makes_no_identity()
    {
        using var node = TestNode.Create();

        (await node.RunAsync("node", "show", "--id", "Node_Moscow")).AssertOneErrorLine("--id");
        (await node.RunAsync("node", "show", "--id", "x")).AssertOneErrorLine("--id");

        // Nothing was made by the refused attempts: the first good --id is taken.
        Assert.Equal("node-moscow", (await node.OkAsync("node", "show", "--id", "node-moscow", "--json")).Json().GetProperty("node").GetString());
    }

    [Fact]
    public async Task Two_stores_get_different_keys()
    {
        using var a = TestNode.Create();
        using var b = TestNode.Create();

        var keyA = (await a.OkAsync("node", "show", "--id", "node-a", "--json")).Json().GetProperty("public_key").GetString();
        var keyB = (await b.OkAsync("node", "show", "--id", "node-b", "--json")).Json().GetProperty("public_key").GetString();

        Assert.NotEqual(keyA, keyB);
    }

    [Fact]
    public async Task Party_add_with_node_registers_a_remote_party_and_refuses_this_nodes_own_id()
    {
        using var node = TestNode.Create();
        await node.OkAsync("node", "show", "--id", "node-moscow");
        await node.OkAsync("party", "add", "ru-fsb", "--name", "Federal Security Service", "--country", "RU");

        var remote = (await node.OkAsync("party", "add", "pk-isi", "--name", "Inter-Services Intelligence", "--country", "PK", "--node", "node-islamabad", "--json")).Json();
        var own = await node.RunAsync("party", "add", "us-fbi", "--name", "Federal Bureau of Investigation", "--node", "node-moscow");
        var malformed = await node.RunAsync("party", "add", "us-cia", "--name", "Central Intelligence Agency", "--node", "Not A Node");
        var listed = (await node.OkAsync("party", "list", "--json")).Json();
        var table = await node.OkAsync("party", "list");

        Assert.Equal("node-islamabad", Assert.Single(remote.EnumerateArray()).GetProperty("node").GetString());
        own.AssertOneErrorLine("is this node");
        malformed.AssertOneErrorLine("--node");
        Assert.Equal(["pk-isi", "ru-fsb"], listed.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal("node-islamabad", listed.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "pk-isi").GetProperty("node").GetString());
        Assert.Equal(JsonValueKind.Null, listed.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "ru-fsb").GetProperty("node").ValueKind);
        Assert.Contains("node", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_of_a_partners_party_cannot_import_here_under_its_name()
    {
        using var node = TestNode.Create();
        await node.OkAsync("node", "show", "--id", "node-moscow");
        await node.OkAsync("party", "add", "pk-isi", "--name", "Inter-Services Intelligence", "--node", "node-islamabad");
        await node.OkAsync("member", "add", "sync@pk-isi");

        var refused = await node.RunAsync("import", node.WriteFile("forged.json", Stix.Bundle(Stix.ThreatActor(Stix.NewId(), "Unsigned Claim"))), "--as", "sync@pk-isi");

        refused.AssertOneErrorLine("hosted by node 'node-islamabad'");
        Assert.DoesNotContain("Unsigned Claim", (await node.OkAsync("audit", "verify")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Peer_add_refuses_a_bad_url_a_bad_public_key_and_this_nodes_own_id()
    {
        using var node = TestNode.Create();
        var self = (await node.OkAsync("node", "show", "--id", "node-moscow", "--json")).Json().GetProperty("public_key").GetString()!;

        (await node.RunAsync("peer", "add", "node-islamabad", "--url", "not a url", "--key", Secret)).AssertOneErrorLine("--url");
        (await node.RunAsync("peer", "add", "node-islamabad", "--url", "ftp://islamabad.example/", "--key", Secret)).AssertOneErrorLine("--url");
        (await node.RunAsync("peer", "add", "node-islamabad", "--url", "islamabad:5080", "--key", Secret)).AssertOneErrorLine("--url");
        (await node.RunAsync("peer", "add", "node-islamabad", "--url", "http://islamabad:5080", "--public-key", "ed25519:xyz")).AssertOneErrorLine("--public-key");
        (await node.RunAsync("peer", "add", "node-islamabad", "--url", "http://islamabad:5080", "--public-key", self.Replace("ed25519:", "rsa:", StringComparison.Ordinal))).AssertOneErrorLine("--public-key");
        (await node.RunAsync("peer", "add", "node-moscow", "--url", "http://moscow:5080", "--key", Secret, "--public-key", self)).AssertOneErrorLine("is this node");
        (await node.RunAsync("peer", "add", "Node_Islamabad", "--url", "http://islamabad:5080")).AssertOneErrorLine("node");
        (await node.RunAsync("peer", "add", "node-islamabad")).AssertOneErrorLine("--url");

        var peers = (await node.OkAsync("peer", "list", "--json")).Json();
        Assert.Equal(0, peers.GetArrayLength());
    }

    [Fact]
    public async Task Peer_add_and_list_show_the_peer_but_never_its_credential()
    {
        using var node = TestNode.Create();
        using var partner = TestNode.Create();
        await node.OkAsync("node", "show", "--id", "node-moscow");
        var partnerKey = (await partner.OkAsync("node", "show", "--id", "node-islamabad", "--json")).Json().GetProperty("public_key").GetString()!;
        await node.OkAsync("party", "add", "pk-isi", "--name", "Inter-Services Intelligence", "--node", "node-islamabad");

        var added = await node.OkAsync("peer", "add", "node-islamabad", "--url", "http://islamabad.example:5080", "--key", Secret, "--public-key", partnerKey, "--pull");
        var addedJson = await node.OkAsync("peer", "add", "node-islamabad", "--url", "http://islamabad.example:5080", "--key", Secret, "--public-key", partnerKey, "--pull", "--json");
        await node.OkAsync("peer", "add", "node-tashkent", "--url", "https://tashkent.example/", "--no-push");
        var table = await node.OkAsync("peer", "list");
        var json = await node.OkAsync("peer", "list", "--json");

        foreach (var result in new[] { added, addedJson, table, json })
        {
            AssertNeverShown(result.Output);
            Assert.Empty(result.Error);
        }

        var peers = json.Json().EnumerateArray().ToDictionary(p => p.GetProperty("node").GetString()!);
        Assert.Equal(["node-islamabad", "node-tashkent"], peers.Keys.Order(StringComparer.Ordinal));
        var islamabad = peers["node-islamabad"];
        Assert.Equal("http://islamabad.example:5080/", islamabad.GetProperty("url").GetString());
        Assert.True(islamabad.GetProperty("has_credential").GetBoolean());
        Assert.True(islamabad.GetProperty("pull").GetBoolean());
        Assert.True(islamabad.GetProperty("push").GetBoolean());
        Assert.Equal(partnerKey, islamabad.GetProperty("public_key").GetString());
        Assert.Equal(["pk-isi"], islamabad.GetProperty("parties").EnumerateArray().Select(p => p.GetString()));
        var tashkent = peers["node-tashkent"];
        Assert.False(tashkent.GetProperty("has_credential").GetBoolean());
        Assert.False(tashkent.GetProperty("push").GetBoolean());
        Assert.Equal(JsonValueKind.Null, tashkent.GetProperty("public_key").ValueKind);
        Assert.Contains("credential", table.Output, StringComparison.Ordinal);
        // Nothing in the JSON carries the credential under any name.
        Assert.All(json.Json().EnumerateArray(), p => Assert.DoesNotContain(p.EnumerateObject(), f => f.Name is "key" or "credential" or "token" or "api_key"));
    }

    [Fact]
    public async Task Peer_remove_removes_the_peer_and_removing_it_again_is_an_error()
    {
        using var node = TestNode.Create();
        await node.OkAsync("node", "show", "--id", "node-moscow");
        await node.OkAsync("peer", "add", "node-islamabad", "--url", "http://islamabad.example:5080", "--key", Secret);
        await node.OkAsync("peer", "add", "node-tashkent", "--url", "http://tashkent.example:5080");

        var removed = await node.OkAsync("peer", "remove", "node-islamabad");
        var again = await node.RunAsync("peer", "remove", "node-islamabad");
        var malformed = await node.RunAsync("peer", "remove", "Node_Islamabad");
        var peers = (await node.OkAsync("peer", "list", "--json")).Json();

        Assert.Contains("node-islamabad", removed.Output, StringComparison.Ordinal);
        again.AssertOneErrorLine("no peer 'node-islamabad'");
        malformed.AssertOneErrorLine("node");
        Assert.Equal(["node-tashkent"], peers.EnumerateArray().Select(p => p.GetProperty("node").GetString()));
        (await node.RunAsync("sync", "--peer", "node-islamabad")).AssertOneErrorLine("no peer 'node-islamabad'");
    }

    [Fact]
    public async Task Peer_refusals_is_an_empty_list_on_a_node_that_refused_nothing()
    {
        using var node = TestNode.Create();

        var json = (await node.OkAsync("peer", "refusals", "--json")).Json();
        var table = await node.OkAsync("peer", "refusals", "--limit", "5");

        Assert.Equal(JsonValueKind.Array, json.ValueKind);
        Assert.Equal(0, json.GetArrayLength());
        Assert.Contains("reason", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdraw_is_not_found_for_anyone_but_the_originator_and_narrows_the_release_for_the_originator()
    {
        using var node = await TestNode.CreateWithPartiesAsync();
        var id = Stix.NewId();
        var bundle = node.WriteFile("one.json", Stix.Bundle(Stix.ThreatActor(id, "Withdrawn Actor")));
        await node.OkAsync("import", bundle, "--as", "analyst@ru-fsb", "--party", "us-fbi", "--party", "pk-isi");
        Assert.Equal("Withdrawn Actor", (await node.OkAsync("get", id, "--as", "analyst@us-fbi")).Json().GetProperty("name").GetString());

        var byRecipient = await node.RunAsync("withdraw", id, "--as", "analyst@us-fbi", "--party", "us-fbi");
        var unknown = await node.RunAsync("withdraw", Stix.NewId(), "--as", "analyst@ru-fsb");
        var malformed = await node.RunAsync("withdraw", "not-an-id", "--as", "analyst@ru-fsb");
        var withdrawn = await node.OkAsync("withdraw", id, "--as", "analyst@ru-fsb", "--party", "us-fbi");

        byRecipient.AssertOneErrorLine("not found");
        unknown.AssertOneErrorLine("not found");
        malformed.AssertOneErrorLine("not-an-id");
        Assert.Contains($"Withdrew {id}", withdrawn.Output, StringComparison.Ordinal);
        Assert.Contains("1 release entries removed", withdrawn.Output, StringComparison.Ordinal);
        (await node.RunAsync("get", id, "--as", "analyst@us-fbi")).AssertOneErrorLine("not found");
        Assert.Equal("Withdrawn Actor", (await node.OkAsync("get", id, "--as", "analyst@pk-isi")).Json().GetProperty("name").GetString());
        Assert.Equal("Withdrawn Actor", (await node.OkAsync("get", id, "--as", "analyst@ru-fsb")).Json().GetProperty("name").GetString());

        var everyone = await node.OkAsync("withdraw", id, "--as", "analyst@ru-fsb");
        Assert.Contains("everyone", everyone.Output, StringComparison.Ordinal);
        (await node.RunAsync("get", id, "--as", "analyst@pk-isi")).AssertOneErrorLine("not found");
    }

    [Fact]
    public async Task Sync_with_a_peer_that_is_not_there_exits_1_and_says_unreachable()
    {
        using var node = TestNode.Create();
        await node.OkAsync("node", "show", "--id", "node-moscow");
        await node.OkAsync("party", "add", "ru-fsb", "--name", "Federal Security Service");
        await node.OkAsync("party", "add", "pk-isi", "--name", "Inter-Services Intelligence", "--node", "node-islamabad");
        await node.OkAsync("channel", "add", "pk-ru-jwg", "--name", "JWG", "--member", "pk-isi", "--member", "ru-fsb");
        await node.OkAsync("member", "add", "analyst@ru-fsb");
        await node.OkAsync("import", node.WriteFile("one.json", Stix.Bundle(Stix.ThreatActor(Stix.NewId(), "Actor"))), "--as", "analyst@ru-fsb", "--channel", "pk-ru-jwg");
        await node.OkAsync("peer", "add", "node-islamabad", "--url", FederatedPair.UnusedUrl().ToString(), "--key", Secret);

        var sync = await node.RunAsync("sync");
        var json = await node.RunAsync("sync", "--json");
        var one = await node.RunAsync("sync", "--peer", "node-islamabad");

        Assert.True(sync.ExitCode == 1, $"sync exited {sync.ExitCode}: {sync.Output}{sync.Error}");
        Assert.Contains("node-islamabad: unreachable", sync.Output, StringComparison.Ordinal);
        AssertNeverShown(sync.Output + sync.Error);
        Assert.Equal(1, json.ExitCode);
        var view = Assert.Single(json.Json().EnumerateArray());
        Assert.Equal("node-islamabad", view.GetProperty("node").GetString());
        Assert.Equal(0, view.GetProperty("pushed").GetInt64());
        Assert.Equal(JsonValueKind.String, view.GetProperty("error").ValueKind);
        Assert.Equal(1, one.ExitCode);
        Assert.Contains("unreachable", one.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Not the credential, nor any piece of it: a table wraps a long cell over several lines, so every six
    /// characters of its secret part are looked for.
    /// </summary>
    private static void AssertNeverShown(string output)
    {
        var secret = Secret[(Secret.LastIndexOf('_') + 1)..];
        for (var i = 0; i + 6 <= secret.Length; i++)
        {
            Assert.DoesNotContain(secret.Substring(i, 6), output, StringComparison.Ordinal);
        }
    }
}
