using System.Text.Json;
using Concord.Domain.Stix;

namespace Concord.Cli.Tests.Objects;

public sealed class ExportCommandTests
{
    [Fact]
    public async Task Export_to_stdout_is_one_bundle_led_by_concords_extension_definition()
    {
        using var node = await NodeWithObjectsAsync();

        var bundle = (await node.OkAsync("export", "--as", "analyst@us-fbi")).Json();

        Assert.Equal("bundle", bundle.GetProperty("type").GetString());
        var objects = bundle.GetProperty("objects").EnumerateArray().ToList();
        Assert.Equal(ConcordExtension.Id, objects[0].GetProperty("id").GetString());
        Assert.Equal(["Released actor", "Shared actor"], objects.Skip(1).Select(o => o.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Export_filters_narrow_the_bundle()
    {
        using var node = await NodeWithObjectsAsync();
        var path = Path.Combine(node.Folder, "shared.json");

        var result = await node.OkAsync("export", "--as", "analyst@us-fbi", "--q", "Shared", "--originator", "ru-fsb", "--out", path);

        Assert.Contains("Exported 1 object(s)", result.Error, StringComparison.Ordinal);
        using var bundle = JsonDocument.Parse(File.ReadAllBytes(path));
        Assert.Equal(["Shared actor"], bundle.RootElement.GetProperty("objects").EnumerateArray().Skip(1).Select(o => o.GetProperty("name").GetString()!));
        Assert.False(File.Exists(path + ".partial"));
    }

    [Fact]
    public async Task Export_into_a_folder_that_does_not_exist_is_refused_with_one_line()
    {
        using var node = await NodeWithObjectsAsync();
        var path = Path.Combine(node.Folder, "no", "such", "folder", "out.json");

        var result = await node.RunAsync("export", "--as", "analyst@us-fbi", "--out", path);

        result.AssertOneErrorLine(Path.Combine(node.Folder, "no", "such", "folder"));
    }

    private static async Task<TestNode> NodeWithObjectsAsync()
    {
        var node = await TestNode.CreateWithPartiesAsync();
        var file = node.WriteFile("b.json", Stix.Bundle(
            Stix.ThreatActor(Stix.NewId(), "Released actor").Released(["us-fbi"], []),
            Stix.ThreatActor(Stix.NewId(), "Shared actor").Released([], ["us-ru-wg"]),
            Stix.ThreatActor(Stix.NewId(), "Private actor")));
        await node.OkAsync("import", file, "--as", "analyst@ru-fsb");
        return node;
    }
}
