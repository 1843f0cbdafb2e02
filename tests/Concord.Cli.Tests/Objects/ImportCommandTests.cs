using System.Text.Json;
using Concord.Domain.Stix;

namespace Concord.Cli.Tests.Objects;

public sealed class ImportCommandTests
{
    private const string Analyst = "analyst@ru-fsb";

    [Fact]
    public async Task Import_of_files_and_folders_stores_every_object_in_every_json_file()
    {
        using var node = await TestNode.CreateWithPartiesAsync();
        var ids = Enumerable.Range(0, 4).Select(_ => Stix.NewId()).ToArray();
        var single = node.WriteFile("single.json", Stix.Bundle(Stix.ThreatActor(ids[0], "Single file actor")));
        node.WriteFile("folder/a.json", Stix.Bundle(Stix.ThreatActor(ids[1], "Folder actor one")));
        node.WriteFile("folder/nested/b.json", Stix.Bundle(Stix.ThreatActor(ids[2], "Folder actor two"), Stix.ThreatActor(ids[3], "Folder actor three")));
        node.WriteFile("folder/notes.txt", "not a bundle and not *.json, so never read");

        var result = await node.OkAsync("import", single, Path.Combine(node.Folder, "folder"), "--as", Analyst, "--json");

        var reports = ReadReports(result.Output);
        Assert.Equal([1L, 1L, 2L], reports.Select(r => r.GetProperty("inserted").GetInt64()));
        foreach (var id in ids)
        {
            await node.OkAsync("get", id, "--as", Analyst);
        }

        var table = await node.OkAsync("import", single, "--as", Analyst);
        Assert.Contains("single.json", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_reports_received_new_unchanged_refused_and_committed_as_json()
    {
        using var node = await TestNode.CreateWithPartiesAsync();
        var good = Stix.NewId();
        var bad = Stix.NewId();
        var missingModified = Stix.ThreatActor(bad, "No modified time");
        missingModified.Remove("modified");
        var file = node.WriteFile("mixed.json", Stix.Bundle(Stix.ThreatActor(good, "Good actor"), missingModified));

        var first = await node.RunAsync("import", file, "--as", Analyst, "--json");
        var second = await node.RunAsync("import", file, "--as", Analyst, "--json");

        var report = first.Json();
        Assert.Equal(2, report.GetProperty("received").GetInt64());
        Assert.Equal(1, report.GetProperty("inserted").GetInt64());
        Assert.Equal(0, report.GetProperty("unchanged").GetInt64());
        Assert.Equal(1, report.GetProperty("rejected").GetInt64());
        Assert.True(report.GetProperty("committed").GetBoolean());
        var problem = Assert.Single(report.GetProperty("problems").EnumerateArray());
        Assert.Equal(1, problem.GetProperty("index").GetInt32());
        Assert.Equal("/objects/1/modified", problem.GetProperty("pointer").GetString());
        Assert.Equal(bad, problem.GetProperty("id").GetString());
        Assert.Contains("modified", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        first.AssertOneErrorLine("1 object(s) refused");
        Assert.Equal(1, second.Json().GetProperty("unchanged").GetInt64());
        Assert.Equal(0, second.Json().GetProperty("inserted").GetInt64());
    }

    [Fact]
    public async Task Each_refused_object_is_printed_with_its_file_and_json_pointer_and_the_good_ones_are_kept()
    {
        using var node = await TestNode.CreateWithPartiesAsync();
        var goodOne = Stix.NewId();
        var goodTwo = Stix.NewId();
        var wrongSpec = Stix.ThreatActor(Stix.NewId(), "Wrong spec version");
        wrongSpec["spec_version"] = "2.0";
        var unknownParty = Stix.ThreatActor(Stix.NewId(), "Released to nobody we know").Released(["xx-unknown"], []);
        var one = node.WriteFile("one.json", Stix.Bundle(Stix.ThreatActor(goodOne, "First good actor"), wrongSpec));
        var two = node.WriteFile("two.json", Stix.Bundle(unknownParty, Stix.ThreatActor(goodTwo, "Second good actor")));

        var result = await node.RunAsync("import", one, two, "--as", Analyst);

        var lines = result.Output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith($"{one}/objects/1/spec_version: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{two}/objects/0/extensions/{ConcordExtension.Id}/release: ", StringComparison.Ordinal) && l.Contains("xx-unknown", StringComparison.Ordinal));
        result.AssertOneErrorLine("2 object(s) refused");
        await node.OkAsync("get", goodOne, "--as", Analyst);
        await node.OkAsync("get", goodTwo, "--as", Analyst);
    }

    [Fact]
    public async Task A_release_to_a_channel_the_importer_is_not_in_is_refused()
    {
        using var node = await TestNode.CreateWithPartiesAsync();
        var id = Stix.NewId();
        var file = node.WriteFile("outsider.json", Stix.Bundle(Stix.ThreatActor(id, "Outsider").Released([], ["us-ru-wg"])));

        var result = await node.RunAsync("import", file, "--as", "analyst@pk-isi", "--json");

        var problem = Assert.Single(result.Json().GetProperty("problems").EnumerateArray());
        Assert.Contains("unknown channel 'us-ru-wg'", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        result.AssertOneErrorLine("refused");
        (await node.RunAsync("get", id, "--as", "analyst@pk-isi")).AssertOneErrorLine("not found");
    }

    [Fact]
    public async Task All_or_nothing_stores_nothing_from_a_file_with_one_bad_object()
    {
        using var node = await TestNode.CreateWithPartiesAsync();
        var goods = new[] { Stix.NewId(), Stix.NewId() };
        var bad = Stix.ThreatActor(Stix.NewId(), "Bad");
        bad["created"] = "yesterday";
        var spoiled = node.WriteFile("spoiled.json", Stix.Bundle(Stix.ThreatActor(goods[0], "Spoiled good one"), bad, Stix.ThreatActor(goods[1], "Spoiled good two")));
        var clean = Stix.NewId();
        var cleanFile = node.WriteFile("clean.json", Stix.Bundle(Stix.ThreatActor(clean, "Clean")));

        var result = await node.RunAsync("import", spoiled, cleanFile, "--as", Analyst, "--all-or-nothing", "--json");

        var reports = ReadReports(result.Output);
        Assert.False(reports[0].GetProperty("committed").GetBoolean());
        Assert.Equal(0, reports[0].GetProperty("inserted").GetInt64());
        Assert.Equal(1, reports[0].GetProperty("rejected").GetInt64());
        Assert.Equal("/objects/1/created", reports[0].GetProperty("problems")[0].GetProperty("pointer").GetString());
        Assert.True(reports[1].GetProperty("committed").GetBoolean());
        result.AssertOneErrorLine("refused");
        foreach (var id in goods)
        {
            (await node.RunAsync("get", id, "--as", Analyst)).AssertOneErrorLine("not found");
        }

        await node.OkAsync("get", clean, "--as", Analyst);
        var hits = (await node.OkAsync("search", "Spoiled", "--as", Analyst, "--json")).Json();
        Assert.Equal(0, hits.GetArrayLength());
    }

    [Fact]
    public async Task Channel_party_caveat_and_grading_options_apply_to_objects_that_name_none()
    {
        using var node = await TestNode.CreateWithPartiesAsync();
        var plain = Stix.NewId();
        var own = Stix.NewId();
        var file = node.WriteFile("defaults.json", Stix.Bundle(
            Stix.ThreatActor(plain, "Takes the defaults"),
            Stix.ThreatActor(own, "Names its own").Released(["pk-isi"], [], ["H1"], "A1")));

        await node.OkAsync("import", file, "--as", Analyst, "--channel", "us-ru-wg", "--party", "pk-isi", "--caveat", "ORCON", "--caveat", "H0", "--stated-purpose", "counterterrorism", "--grading", "B2");

        var asFbi = Extension(await node.OkAsync("get", plain, "--as", "analyst@us-fbi"));
        Assert.Equal("ru-fsb", asFbi.GetProperty("originator").GetString());
        Assert.Equal(["us-ru-wg"], Strings(asFbi.GetProperty("release").GetProperty("channels")));
        Assert.Empty(Strings(asFbi.GetProperty("release").GetProperty("parties")));
        Assert.Equal(["ORCON", "H0"], Strings(asFbi.GetProperty("caveats")));
        Assert.Equal("counterterrorism", asFbi.GetProperty("purpose").GetString());
        Assert.Equal("B2", asFbi.GetProperty("grading").GetString());
        var asIsi = Extension(await node.OkAsync("get", plain, "--as", "analyst@pk-isi"));
        Assert.Empty(Strings(asIsi.GetProperty("release").GetProperty("channels")));
        Assert.Equal(["pk-isi"], Strings(asIsi.GetProperty("release").GetProperty("parties")));
        var ownAsIsi = Extension(await node.OkAsync("get", own, "--as", "analyst@pk-isi"));
        Assert.Equal(["H1"], Strings(ownAsIsi.GetProperty("caveats")));
        Assert.Equal("A1", ownAsIsi.GetProperty("grading").GetString());
        (await node.RunAsync("get", own, "--as", "analyst@us-fbi")).AssertOneErrorLine("not found");
    }

    [Fact]
    public async Task Without_release_options_an_object_stays_with_its_originator()
    {
        using var node = await TestNode.CreateWithPartiesAsync();
        var id = Stix.NewId();
        var file = node.WriteFile("private.json", Stix.Bundle(Stix.ThreatActor(id, "Kept at home")));

        await node.OkAsync("import", file, "--as", Analyst);

        var own = Extension(await node.OkAsync("get", id, "--as", Analyst));
        Assert.Empty(Strings(own.GetProperty("release").GetProperty("channels")));
        Assert.Empty(Strings(own.GetProperty("release").GetProperty("parties")));
        Assert.False(own.TryGetProperty("caveats", out _));
        Assert.False(own.TryGetProperty("grading", out _));
        (await node.RunAsync("get", id, "--as", "analyst@us-fbi")).AssertOneErrorLine("not found");
    }

    [Fact]
    public async Task A_file_that_is_not_json_is_refused_with_its_name_and_exit_code_1()
    {
        using var node = await TestNode.CreateWithPartiesAsync();
        var file = node.WriteFile("notes.json", "Meeting notes, Kabul, not JSON at all.\n");

        var result = await node.RunAsync("import", file, "--as", Analyst);

        Assert.Contains(result.Output.Split('\n'), l => l.StartsWith($"{file}: malformed JSON", StringComparison.Ordinal));
        result.AssertOneErrorLine("refused");
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"type\":\"bundle\",\"objects\":[{\"type\":\"threat-actor\"")]
    [InlineData("[1, 2, 3]")]
    public async Task Empty_truncated_or_non_object_input_is_refused_with_exit_code_1(string content)
    {
        using var node = await TestNode.CreateWithPartiesAsync();
        var file = node.WriteFile("odd.json", content);

        var result = await node.RunAsync("import", file, "--as", Analyst, "--json");

        Assert.True(result.Json().GetProperty("rejected").GetInt64() > 0);
        Assert.Equal(0, result.Json().GetProperty("inserted").GetInt64());
        result.AssertOneErrorLine("refused");
    }

    [Fact]
    public async Task A_path_that_does_not_exist_is_named_in_one_line()
    {
        using var node = await TestNode.CreateWithPartiesAsync();
        var missing = Path.Combine(node.Folder, "no-such-bundle.json");

        var result = await node.RunAsync("import", missing, "--as", Analyst);

        result.AssertOneErrorLine(missing);
    }

    [Theory]
    [InlineData("ghost@ru-fsb", "'ghost@ru-fsb'")]
    [InlineData("analyst@xx-nowhere", "'analyst@xx-nowhere'")]
    [InlineData("admin@node", "administrator")]
    [InlineData("not-a-member", "'not-a-member'")]
    public async Task Acting_as_an_unknown_member_or_an_administrator_is_refused_with_one_line(string member, string named)
    {
        using var node = await TestNode.CreateWithPartiesAsync();
        var file = node.WriteFile("b.json", Stix.Bundle(Stix.ThreatActor(Stix.NewId(), "Actor")));

        var result = await node.RunAsync("import", file, "--as", member);

        var line = result.AssertOneErrorLine(named);
        Assert.Contains("--as", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--caveat", "--caveat", "NOFORN")]
    [InlineData("--caveat", "--caveat", "H0")]
    [InlineData("--grading", "--grading", "G7")]
    [InlineData("--channel", "--channel", "Not A Channel")]
    [InlineData("--party", "--party", "PK_ISI")]
    public async Task Bad_release_options_are_refused_with_one_line(string named, string option, string value)
    {
        using var node = await TestNode.CreateWithPartiesAsync();
        var file = node.WriteFile("b.json", Stix.Bundle(Stix.ThreatActor(Stix.NewId(), "Actor")));

        var result = await node.RunAsync("import", file, "--as", Analyst, option, value);

        result.AssertOneErrorLine(named);
    }

    /// <summary>Import prints one indented JSON report per file, one after the other.</summary>
    private static List<JsonElement> ReadReports(string output)
    {
        var reports = new List<JsonElement>();
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(output), new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            using var doc = JsonDocument.ParseValue(ref reader);
            reports.Add(doc.RootElement.Clone());
        }

        return reports;
    }

    private static JsonElement Extension(CliResult get) => get.Json().GetProperty("extensions").GetProperty(ConcordExtension.Id);

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
