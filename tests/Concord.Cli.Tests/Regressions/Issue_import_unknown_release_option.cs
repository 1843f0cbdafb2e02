namespace Concord.Cli.Tests.Regressions;

/// <summary>
/// <c>concord import f.json --party xx-nowhere</c> refused every object of every file, each with a problem
/// pointing at <c>/objects/N/extensions/…/release</c> — a property the objects do not have — instead of naming the
/// mistyped option. A --party or --channel that no object could be released to is one line naming the option,
/// before any file is read.
/// </summary>
public sealed class Issue_import_unknown_release_option
{
    [Theory]
    [InlineData("--party", "xx-nowhere")]
    [InlineData("--channel", "no-such-wg")]
    [InlineData("--channel", "kabul-conf")]
    public async Task An_unusable_default_release_is_refused_with_one_line_naming_the_option(string option, string value)
    {
        using var node = await TestNode.CreateWithPartiesAsync();
        await node.OkAsync("channel", "add", "kabul-conf", "--name", "Kabul conference", "--member", "pk-isi");
        var id = Stix.NewId();
        var file = node.WriteFile("b.json", Stix.Bundle(Stix.ThreatActor(id, "Actor")));

        var result = await node.RunAsync("import", file, "--as", "analyst@ru-fsb", option, value);

        var line = result.AssertOneErrorLine(option);
        Assert.Contains($"'{value}'", line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
        (await node.RunAsync("get", id, "--as", "analyst@ru-fsb")).AssertOneErrorLine("not found");
    }

    [Fact]
    public async Task A_channel_the_party_is_not_in_reads_like_one_that_does_not_exist()
    {
        using var node = await TestNode.CreateWithPartiesAsync();
        await node.OkAsync("channel", "add", "kabul-conf", "--name", "Kabul conference", "--member", "pk-isi");
        var file = node.WriteFile("b.json", Stix.Bundle(Stix.ThreatActor(Stix.NewId(), "Actor")));

        var existing = await node.RunAsync("import", file, "--as", "analyst@ru-fsb", "--channel", "kabul-conf");
        var missing = await node.RunAsync("import", file, "--as", "analyst@ru-fsb", "--channel", "no-such-wg");

        Assert.Equal(
            missing.AssertOneErrorLine("--channel").Replace("no-such-wg", "<channel>", StringComparison.Ordinal),
            existing.AssertOneErrorLine("--channel").Replace("kabul-conf", "<channel>", StringComparison.Ordinal));
    }
}
