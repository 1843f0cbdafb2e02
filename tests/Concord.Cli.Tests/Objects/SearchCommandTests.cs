using Concord.Domain.Stix;

namespace Concord.Cli.Tests.Objects;

public sealed class SearchCommandTests
{
    [Theory]
    [InlineData("Хорасан")]
    [InlineData("хорасан")]
    [InlineData("Хорас")]
    [InlineData("Вилайят Хорасан")]
    [InlineData("داعش")]
    [InlineData("خراسان")]
    [InlineData("Khorasan")]
    [InlineData("khor")]
    public async Task Search_in_any_script_finds_an_actor_by_its_aliases(string words)
    {
        using var node = await NodeWithKhorasanAsync();

        var hits = (await node.OkAsync("search", words, "--as", "analyst@us-fbi", "--json")).Json();

        var hit = Assert.Single(hits.EnumerateArray());
        Assert.Equal("Islamic State Khorasan Province", hit.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Search_does_not_find_aliases_of_objects_the_party_may_not_read()
    {
        using var node = await NodeWithKhorasanAsync();

        var onlyInIskp = (await node.OkAsync("search", "ИГИЛ", "--as", "analyst@pk-isi", "--json")).Json();
        var inBoth = (await node.OkAsync("search", "Хорасан", "--as", "analyst@pk-isi", "--json")).Json();
        var onlyInTtp = (await node.OkAsync("search", "Tehrik", "--as", "analyst@us-fbi", "--json")).Json();

        Assert.Equal(0, onlyInIskp.GetArrayLength());
        Assert.Equal("Tehrik-i-Taliban Pakistan", Assert.Single(inBoth.EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(0, onlyInTtp.GetArrayLength());
    }

    [Fact]
    public async Task Json_hits_carry_id_type_name_originator_tlp_version_and_revoked()
    {
        using var node = await NodeWithKhorasanAsync();

        var hit = (await node.OkAsync("search", "داعش", "--as", "analyst@us-fbi", "--json")).Json()[0];

        Assert.StartsWith("threat-actor--", hit.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("threat-actor", hit.GetProperty("type").GetString());
        Assert.Equal("ru-fsb", hit.GetProperty("originator").GetString());
        Assert.Equal("TLP:GREEN", hit.GetProperty("tlp").GetString());
        Assert.Equal(Stix.Timestamp(Stix.Epoch.AddMinutes(1)), hit.GetProperty("version").GetString());
        Assert.False(hit.GetProperty("revoked").GetBoolean());
        Assert.Equal(7, hit.EnumerateObject().Count());
    }

    [Fact]
    public async Task Limit_bounds_the_number_of_hits_and_the_table_says_there_are_more()
    {
        using var node = await TestNode.CreateWithPartiesAsync();
        var objects = Enumerable.Range(0, 7).Select(i => Stix.ThreatActor(Stix.NewId(), $"Cell {i} of the network")).ToArray();
        await node.OkAsync("import", node.WriteFile("cells.json", Stix.Bundle(objects)), "--as", "analyst@ru-fsb");

        var three = (await node.OkAsync("search", "network", "--as", "analyst@ru-fsb", "--limit", "3", "--json")).Json();
        var all = (await node.OkAsync("search", "network", "--as", "analyst@ru-fsb", "--limit", "1000", "--json")).Json();
        var byDefault = (await node.OkAsync("search", "--as", "analyst@ru-fsb", "--json")).Json();
        var table = await node.OkAsync("search", "network", "--as", "analyst@ru-fsb", "--limit", "3");

        Assert.Equal(3, three.GetArrayLength());
        Assert.Equal(7, all.GetArrayLength());
        Assert.Equal(7, byDefault.GetArrayLength());
        Assert.Contains("More than 3 results", table.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--limit", "--limit", "0")]
    [InlineData("--limit", "--limit", "1001")]
    [InlineData("--limit", "--limit", "-5")]
    [InlineData("--type", "--type", "Threat Actor")]
    [InlineData("--originator", "--originator", "RU")]
    [InlineData("--channel", "--channel", "#wg")]
    [InlineData("--modified-after", "--modified-after", "last week")]
    public async Task Bad_search_options_are_refused_with_one_line(string named, string option, string value)
    {
        using var node = await TestNode.CreateWithPartiesAsync();

        var result = await node.RunAsync("search", "--as", "analyst@ru-fsb", option, value);

        result.AssertOneErrorLine(named);
    }

    [Fact]
    public async Task Filters_narrow_what_the_party_may_read_and_never_widen_it()
    {
        using var node = await NodeWithKhorasanAsync();

        var byType = (await node.OkAsync("search", "--as", "analyst@us-fbi", "--type", "threat-actor", "--json")).Json();
        var byOriginator = (await node.OkAsync("search", "--as", "analyst@us-fbi", "--originator", "pk-isi", "--json")).Json();
        var byChannel = (await node.OkAsync("search", "--as", "analyst@us-fbi", "--channel", "us-ru-wg", "--json")).Json();
        var notMine = (await node.OkAsync("search", "--as", "analyst@pk-isi", "--channel", "us-ru-wg", "--json")).Json();
        var later = (await node.OkAsync("search", "--as", "analyst@us-fbi", "--modified-after", Stix.Timestamp(Stix.Epoch.AddMinutes(5)), "--json")).Json();

        Assert.Equal(1, byType.GetArrayLength());
        Assert.Equal(0, byOriginator.GetArrayLength());
        Assert.Equal(1, byChannel.GetArrayLength());
        Assert.Equal(0, notMine.GetArrayLength());
        Assert.Equal(0, later.GetArrayLength());
    }

    /// <summary>ISKP as ru-fsb holds it (released to the US-Russia group) and a TTP entry pk-isi keeps to itself.</summary>
    private static async Task<TestNode> NodeWithKhorasanAsync()
    {
        var node = await TestNode.CreateWithPartiesAsync();
        var iskp = Stix.ThreatActor(Stix.NewId(), "Islamic State Khorasan Province", 1, ["ИГИЛ-К", "Вилайят Хорасан", "داعش خراسان", "ولایت خراسان"], TlpLevel.Green)
            .Released([], ["us-ru-wg"]);
        await node.OkAsync("import", node.WriteFile("iskp.json", Stix.Bundle(iskp)), "--as", "analyst@ru-fsb");
        var ttp = Stix.ThreatActor(Stix.NewId(), "Tehrik-i-Taliban Pakistan", 1, ["تحریک طالبان پاکستان", "Хорасан"]);
        await node.OkAsync("import", node.WriteFile("ttp.json", Stix.Bundle(ttp)), "--as", "analyst@pk-isi");
        return node;
    }
}
