using Concord.Domain.Stix;

namespace Concord.Cli.Tests.Objects;

public sealed class ReleaseCommandTests
{
    [Fact]
    public async Task The_originator_may_release_its_own_amber_item_to_another_party()
    {
        using var node = await TestNode.CreateWithPartiesAsync();
        var id = await ImportAsync(node, "analyst@ru-fsb", Stix.ThreatActor(Stix.NewId(), "Amber actor", tlp: TlpLevel.Amber));

        var result = await node.OkAsync("release", id, "--as", "analyst@ru-fsb", "--party", "pk-isi");

        Assert.Contains($"Released {id}", result.Output, StringComparison.Ordinal);
        await node.OkAsync("get", id, "--as", "analyst@pk-isi");
        (await node.RunAsync("get", id, "--as", "analyst@us-fbi")).AssertOneErrorLine("not found");
    }

    [Fact]
    public async Task A_recipient_may_pass_a_clear_item_on_to_another_party()
    {
        using var node = await TestNode.CreateWithPartiesAsync();
        var id = await ImportAsync(node, "analyst@ru-fsb", Stix.ThreatActor(Stix.NewId(), "Clear actor", tlp: TlpLevel.Clear).Released([], ["us-ru-wg"]));

        await node.OkAsync("release", id, "--as", "analyst@us-fbi", "--party", "pk-isi", "--purpose", "roadmap item 3");

        await node.OkAsync("get", id, "--as", "analyst@pk-isi");
    }

    [Theory]
    [InlineData(TlpLevel.Amber, null, "TLP:AMBER")]
    [InlineData(TlpLevel.AmberStrict, null, "TLP:AMBER+STRICT")]
    [InlineData(TlpLevel.Red, null, "TLP:RED")]
    [InlineData(null, null, "unmarked")]
    [InlineData(TlpLevel.Clear, "ORCON", "ORCON")]
    [InlineData(TlpLevel.Clear, "H2", "H2")]
    public async Task A_recipient_may_not_pass_on_what_tlp_or_caveats_forbid(TlpLevel? tlp, string? caveat, string reason)
    {
        using var node = await TestNode.CreateWithPartiesAsync();
        var obj = Stix.ThreatActor(Stix.NewId(), "Restricted actor", tlp: tlp).Released([], ["us-ru-wg"], caveat is null ? null : [caveat]);
        var id = await ImportAsync(node, "analyst@ru-fsb", obj);

        var result = await node.RunAsync("release", id, "--as", "analyst@us-fbi", "--party", "pk-isi");

        var line = result.AssertOneErrorLine("release refused");
        Assert.Contains(reason, line, StringComparison.Ordinal);
        (await node.RunAsync("get", id, "--as", "analyst@pk-isi")).AssertOneErrorLine("not found");
    }

    [Fact]
    public async Task A_recipient_may_not_release_to_a_channel_it_is_not_in()
    {
        using var node = await TestNode.CreateWithPartiesAsync();
        await node.OkAsync("channel", "add", "kabul-conf", "--name", "Kabul conference", "--member", "ru-fsb", "--member", "pk-isi");
        var id = await ImportAsync(node, "analyst@ru-fsb", Stix.ThreatActor(Stix.NewId(), "Clear actor", tlp: TlpLevel.Clear).Released(["us-fbi"], []));

        var result = await node.RunAsync("release", id, "--as", "analyst@us-fbi", "--channel", "kabul-conf");

        result.AssertOneErrorLine("channels it is a member of");
        (await node.RunAsync("get", id, "--as", "analyst@pk-isi")).AssertOneErrorLine("not found");
    }

    [Fact]
    public async Task Releasing_to_an_unknown_party_or_to_nobody_is_refused()
    {
        using var node = await TestNode.CreateWithPartiesAsync();
        var id = await ImportAsync(node, "analyst@ru-fsb", Stix.ThreatActor(Stix.NewId(), "Own actor"));

        var unknown = await node.RunAsync("release", id, "--as", "analyst@ru-fsb", "--party", "xx-nowhere");
        var nobody = await node.RunAsync("release", id, "--as", "analyst@ru-fsb");

        unknown.AssertOneErrorLine("'xx-nowhere'");
        nobody.AssertOneErrorLine("no party and no channel");
    }

    [Fact]
    public async Task An_unreadable_id_is_not_found_exactly_like_one_that_never_existed()
    {
        using var node = await TestNode.CreateWithPartiesAsync();
        var hidden = await ImportAsync(node, "analyst@ru-fsb", Stix.ThreatActor(Stix.NewId(), "Hidden actor", tlp: TlpLevel.Clear));
        var never = Stix.NewId();

        var forHidden = await node.RunAsync("release", hidden, "--as", "analyst@us-fbi", "--party", "pk-isi");
        var forNever = await node.RunAsync("release", never, "--as", "analyst@us-fbi", "--party", "pk-isi");

        var hiddenLine = forHidden.AssertOneErrorLine("not found");
        var neverLine = forNever.AssertOneErrorLine("not found");
        Assert.Equal(neverLine.Replace(never, "<id>", StringComparison.Ordinal), hiddenLine.Replace(hidden, "<id>", StringComparison.Ordinal));
        (await node.RunAsync("get", hidden, "--as", "analyst@pk-isi")).AssertOneErrorLine("not found");
    }

    [Fact]
    public async Task A_bad_id_is_refused_with_one_line()
    {
        using var node = await TestNode.CreateWithPartiesAsync();

        var result = await node.RunAsync("release", "not-an-id", "--as", "analyst@ru-fsb", "--party", "us-fbi");

        result.AssertOneErrorLine("'not-an-id'");
    }

    private static async Task<string> ImportAsync(TestNode node, string member, System.Text.Json.Nodes.JsonObject obj)
    {
        var file = node.WriteFile($"{Guid.NewGuid():N}.json", Stix.Bundle(obj));
        await node.OkAsync("import", file, "--as", member);
        return obj["id"]!.GetValue<string>();
    }
}
