using System.Text;
using System.Text.Json;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using CsCheck;

namespace Concord.Cli.Tests.Objects;

/// <summary>
/// The one rule, attacked through every read path of the command line: for random parties, channels,
/// memberships and versions with random releases, what each party gets from search, get, get --versions and
/// export is exactly what <see cref="ReleasabilityRule.CanRead(Reader, PartyId, Release)"/> says in memory.
/// </summary>
public sealed class ReadPathPropertyTests
{
    [Fact]
    public async Task Every_cli_read_path_returns_exactly_what_the_releasability_rule_allows()
    {
        await ReadPathScenario.Generator.SampleAsync(CheckAsync, iter: 15, threads: 1);
    }

    private static async Task CheckAsync(ReadPathScenario scenario)
    {
        using var node = TestNode.Create();
        await BuildAsync(node, scenario);
        var oracle = new ReadPathOracle(scenario);
        for (var party = 0; party < scenario.Parties.Length; party++)
        {
            var file = node.WriteFile($"{scenario.Parties[party]}.json", Stix.Bundle([.. scenario.FileOrder(party).Select(x => scenario.ToStix(x.Object, x.Version))]));
            var import = await node.RunAsync("import", file, "--as", scenario.Member(party), "--json");
            Assert.True(
                oracle.Refusals[party] == import.Json().GetProperty("rejected").GetInt64(),
                $"{scenario.Parties[party]} expected {oracle.Refusals[party]} refusals, got: {import.Output}");
            Assert.Equal(oracle.Refusals[party] > 0 ? 1 : 0, import.ExitCode);
        }

        foreach (var (channel, party) in scenario.Toggles)
        {
            var joined = await node.OkAsync("channel", "list", "--json");
            var members = joined.Json().EnumerateArray().Single(c => c.GetProperty("id").GetString() == scenario.Channels[channel]).GetProperty("members");
            var isMember = members.EnumerateArray().Any(m => m.GetString() == scenario.Parties[party]);
            await node.OkAsync("channel", isMember ? "leave" : "join", scenario.Channels[channel], scenario.Parties[party]);
        }

        for (var party = 0; party < scenario.Parties.Length; party++)
        {
            var reader = oracle.ReaderOf(party);
            var readable = oracle.Readable(reader);
            var member = scenario.Member(party);
            await CheckSearchAsync(node, member, readable);
            await CheckExportAsync(node, member, reader, readable);
            await CheckGetAsync(node, scenario, member, reader, readable);
        }
    }

    private static async Task BuildAsync(TestNode node, ReadPathScenario scenario)
    {
        foreach (var party in scenario.Parties)
        {
            await node.OkAsync("party", "add", party, "--name", party.ToUpperInvariant());
            await node.OkAsync("member", "add", $"analyst@{party}");
        }

        for (var c = 0; c < scenario.Channels.Length; c++)
        {
            var members = scenario.Parties.Where((_, p) => scenario.Membership[c][p]).SelectMany(p => new[] { "--member", p });
            await node.OkAsync(["channel", "add", scenario.Channels[c], "--name", $"Working group {c}", .. members]);
        }
    }

    private static async Task CheckSearchAsync(TestNode node, string member, Dictionary<string, List<ReadPathOracle.Held>> readable)
    {
        var expected = readable.Values.Select(v => v[^1]).OrderBy(h => h.Sequence).ToList();
        var hits = (await node.OkAsync("search", "--as", member, "--limit", "1000", "--json")).Json().EnumerateArray().ToList();
        Assert.Equal(expected.Select(h => h.Id), hits.Select(h => h.GetProperty("id").GetString()));
        foreach (var (hit, held) in hits.Zip(expected))
        {
            Assert.Equal("threat-actor", hit.GetProperty("type").GetString());
            Assert.Equal($"{held.Spec.Word} cell {held.Version}", hit.GetProperty("name").GetString());
            Assert.Equal(held.Originator.Value, hit.GetProperty("originator").GetString());
            Assert.Equal(held.Spec.Tlp < 0 ? null : Tlp.LabelOf((TlpLevel)held.Spec.Tlp), hit.GetProperty("tlp").GetString());
            Assert.Equal(Stix.Timestamp(Stix.Epoch.AddMinutes(held.Version)), hit.GetProperty("version").GetString());
            Assert.Equal(held.Revoked, hit.GetProperty("revoked").GetBoolean());
        }

        foreach (var word in new[] { ReadPathScenario.Words[0], ReadPathScenario.Aliases[0], ReadPathScenario.Aliases[2] })
        {
            var matching = expected.Where(h => h.Spec.Word == word || h.Spec.Alias == word).Select(h => h.Id);
            var found = (await node.OkAsync("search", word, "--as", member, "--limit", "1000", "--json")).Json();
            Assert.Equal(matching, found.EnumerateArray().Select(h => h.GetProperty("id").GetString()));
        }
    }

    private static async Task CheckExportAsync(TestNode node, string member, Reader reader, Dictionary<string, List<ReadPathOracle.Held>> readable)
    {
        var path = Path.Combine(node.Folder, $"export-{reader.Party}.json");
        var result = await node.OkAsync("export", "--as", member, "--out", path);
        Assert.Contains($"Exported {readable.Count} object(s)", result.Error, StringComparison.Ordinal);
        using var bundle = JsonDocument.Parse(File.ReadAllBytes(path));
        Assert.Equal("bundle", bundle.RootElement.GetProperty("type").GetString());
        var objects = bundle.RootElement.GetProperty("objects").EnumerateArray().ToList();
        Assert.Single(objects, o => o.GetProperty("id").GetString() == ConcordExtension.Id);
        var exported = objects.Where(o => o.GetProperty("id").GetString() != ConcordExtension.Id).ToList();
        Assert.Equal(readable.Keys.Order(StringComparer.Ordinal), exported.Select(o => o.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        foreach (var obj in exported)
        {
            CheckVersion(obj, reader, readable[obj.GetProperty("id").GetString()!][^1]);
        }
    }

    private static async Task CheckGetAsync(TestNode node, ReadPathScenario scenario, string member, Reader reader, Dictionary<string, List<ReadPathOracle.Held>> readable)
    {
        var notFound = new HashSet<string>(StringComparer.Ordinal);
        var ids = scenario.Objects.Select(scenario.IdOf).Concat(scenario.NeverStored.Select(u => StixId.Create("threat-actor", u).ToString())).Distinct();
        foreach (var id in ids)
        {
            var latest = await node.RunAsync("get", id, "--as", member);
            var history = await node.RunAsync("get", id, "--as", member, "--versions");
            if (readable.TryGetValue(id, out var versions))
            {
                Assert.Equal(0, latest.ExitCode);
                CheckVersion(latest.Json(), reader, versions[^1]);
                Assert.Equal(0, history.ExitCode);
                var printed = ReadAll(history.Output);
                Assert.Equal(versions.Count, printed.Count);
                foreach (var (obj, held) in printed.Zip(versions))
                {
                    CheckVersion(obj, reader, held);
                }
            }
            else
            {
                notFound.Add(latest.AssertOneErrorLine(id).Replace(id, "<id>", StringComparison.Ordinal));
                notFound.Add(history.AssertOneErrorLine(id).Replace(id, "<id>", StringComparison.Ordinal));
                Assert.Empty(latest.Output);
                Assert.Empty(history.Output);
            }
        }

        // Unreleased and never-stored ids must read the same, apart from the id itself.
        Assert.True(notFound.Count <= 1, $"not-found lines differ: {string.Join(" | ", notFound)}");
    }

    /// <summary>Checks one printed object against the version the oracle expects, as this reader may see it.</summary>
    private static void CheckVersion(JsonElement obj, Reader reader, ReadPathOracle.Held held)
    {
        Assert.Equal(held.Id, obj.GetProperty("id").GetString());
        Assert.Equal(Stix.Timestamp(Stix.Epoch.AddMinutes(held.Version)), obj.GetProperty("modified").GetString());
        Assert.Equal($"{held.Spec.Word} cell {held.Version}", obj.GetProperty("name").GetString());
        Assert.Equal(held.Revoked, obj.TryGetProperty("revoked", out var revoked) && revoked.GetBoolean());
        var extension = obj.GetProperty("extensions").GetProperty(ConcordExtension.Id);
        Assert.Equal(held.Originator.Value, extension.GetProperty("originator").GetString());
        var visible = ReleasabilityRule.VisibleRelease(reader, held.Originator, held.Release);
        Assert.Equal(visible.Channels.Select(c => c.Value).Order(StringComparer.Ordinal), Strings(extension.GetProperty("release").GetProperty("channels")));
        Assert.Equal(visible.Parties.Select(p => p.Value).Order(StringComparer.Ordinal), Strings(extension.GetProperty("release").GetProperty("parties")));
        Assert.Equal(held.Spec.Tlp < 0 ? null : Tlp.TokenOf((TlpLevel)held.Spec.Tlp), extension.TryGetProperty("tlp", out var tlp) ? tlp.GetString() : null);
        var caveats = held.Spec.NoExtension ? [] : ReadPathScenario.HandlingOf(held.Spec).Codes().ToList();
        Assert.Equal(caveats, extension.TryGetProperty("caveats", out var c) ? Strings(c) : []);
    }

    /// <summary>Parses output holding several JSON values one after the other.</summary>
    private static List<JsonElement> ReadAll(string output)
    {
        var values = new List<JsonElement>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(output), new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            using var doc = JsonDocument.ParseValue(ref reader);
            values.Add(doc.RootElement.Clone());
        }

        return values;
    }

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
