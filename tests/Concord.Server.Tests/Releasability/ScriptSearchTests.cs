using Concord.Server.Tests.Node;
using Concord.Server.Tests.Stix;

namespace Concord.Server.Tests.Releasability;

/// <summary>Names in Cyrillic and Arabic script are found by their words and come back as written, to readers only.</summary>
public sealed class ScriptSearchTests
{
    [Theory]
    [InlineData("Вилаят Хорасан", "хорасан")]
    [InlineData("Вилаят Хорасан", "ХОРАС")]
    [InlineData("ولاية خراسان", "خراسان")]
    public async Task A_recipient_finds_a_name_in_another_script_and_an_outsider_does_not(string name, string query)
    {
        var (node, parties) = await TestNode.StartWithPartiesAsync("ru-fsb", "af-nds", "pk-isi");
        await using var _ = node;
        await node.AddChannelAsync("kabul-conf", "ru-fsb", "af-nds");
        var item = StixDraft.ThreatActor(name, channels: ["kabul-conf"]);
        await parties[0].ImportOkAsync(StixDraft.Bundle(item));

        var found = await parties[1].ListAllAsync("q=" + Uri.EscapeDataString(query));
        var hidden = await parties[2].CountAsync("q=" + Uri.EscapeDataString(query));

        Assert.Equal(name, Assert.Single(found)["name"]!.GetValue<string>());
        Assert.Equal(0, hidden);
    }
}
