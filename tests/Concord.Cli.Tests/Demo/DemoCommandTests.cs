using System.Text.Json;
using Concord.Domain.Directory;
using Concord.Storage.Access;
using Concord.Storage.Sqlite;

namespace Concord.Cli.Tests.Demo;

public sealed class DemoCommandTests
{
    [DemoScenarioFact]
    public async Task Demo_seed_only_prints_a_working_key_for_every_member_of_the_scenario()
    {
        using var node = TestNode.Create();

        var result = await node.OkAsync("demo", "--seed-only", "--json");

        var printed = result.Json();
        Assert.Contains(node.Store, printed.GetProperty("store").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("http", printed.GetProperty("url").GetString(), StringComparison.Ordinal);
        var keys = printed.GetProperty("keys").EnumerateArray().ToDictionary(k => k.GetProperty("member").GetString()!, k => k);
        Assert.Equal(ScenarioMembers().Append("admin@node").Order(StringComparer.Ordinal), keys.Keys.Order(StringComparer.Ordinal));
        await using var store = new SqliteStore(node.Store);
        var actors = new ActorResolver(store);
        foreach (var (member, key) in keys)
        {
            var token = key.GetProperty("token").GetString()!;
            Assert.StartsWith($"concord_{key.GetProperty("key_id").GetString()}_", token, StringComparison.Ordinal);
            var actor = await actors.AuthenticateAsync(token, CancellationToken.None);
            Assert.Equal(MemberId.Parse(member), actor?.Member);
        }
    }

    [DemoScenarioFact]
    public async Task Every_party_of_the_demo_can_search_what_it_holds()
    {
        using var node = TestNode.Create();
        await node.OkAsync("demo", "--seed-only", "--json");

        foreach (var member in ScenarioMembers())
        {
            var hits = (await node.OkAsync("search", "--as", member, "--limit", "1000", "--json")).Json();
            Assert.Equal(JsonValueKind.Array, hits.ValueKind);
        }

        await node.OkAsync("audit", "verify");
    }

    /// <summary>The members the embedded scenario names, as name@party.</summary>
    private static IEnumerable<string> ScenarioMembers()
    {
        using var stream = typeof(CliApp).Assembly.GetManifestResourceStream(DemoScenarioFactAttribute.Resource)!;
        using var scenario = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var members = scenario.RootElement.EnumerateObject().Single(p => p.Name.Equals("members", StringComparison.OrdinalIgnoreCase)).Value;
        return [.. members.EnumerateArray().Select(m => $"{Property(m, "name")}@{Property(m, "party")}")];
    }

    private static string Property(JsonElement obj, string name) =>
        obj.EnumerateObject().Single(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value.GetString()!;
}
