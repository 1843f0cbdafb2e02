using System.Text.Json.Nodes;

namespace Concord.Cli.Tests.Deconfliction;

/// <summary>Two parties of the demo node deconflict through the CLI.</summary>
public sealed class OpsCommandTests : IDisposable
{
    private static readonly string[] AllowedNoticeFields =
    [
        "conflict_id", "state", "operation", "from", "until", "area", "contact", "counterpart_party", "counterpart_kind",
        "internal", "counterpart_operation", "acknowledged_by_you", "acknowledged_by_counterpart", "resolution", "detected", "updated",
    ];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "concord-cli-ops-" + Guid.NewGuid().ToString("N")[..10]);

    public OpsCommandTests() => System.IO.Directory.CreateDirectory(_folder);

    private string StorePath => Path.Combine(_folder, "demo.db");

    private static async Task<(int Code, string Out, string Err)> RunAsync(string[] args, string? stdin = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        CliRunner.Input.Value = stdin is null ? null : new StringReader(stdin);
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private async Task<JsonNode> OkJsonAsync(params string[] args)
    {
        var (code, output, error) = await RunAsync([.. args, "--store", StorePath, "--json"]);
        Assert.True(code == 0, error);
        return JsonNode.Parse(output)!;
    }

    private async Task SeedAsync()
    {
        var (code, _, error) = await RunAsync(["demo", "--seed-only", "--store", StorePath]);
        Assert.True(code == 0, error);
    }

    private string File(string name, string json)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public async Task Two_demo_parties_register_overlapping_operations_and_each_gets_a_notice_with_only_the_allowed_fields()
    {
        await SeedAsync();
        var usArea = File("us.geojson", """{"type":"Point","coordinates":[69.172,34.531]}""");
        var us = await OkJsonAsync(
            "ops", "register", "--as", "duty@us-dni", "--kind", "air_strike", "--area", usArea, "--radius", "2000",
            "--start", "2026-05-01T01:00:00Z", "--end", "2026-05-01T03:00:00Z", "--margin", "10",
            "--contact-name", "NCTC watch", "--phone", "+1 703 555 0100", "--reference", "STRIKE-7");
        Assert.Empty(us["notices"]!.AsArray());
        var usId = us["operation"]!["id"]!.GetValue<string>();

        var (code, output, error) = await RunAsync(
            [
                "ops", "register", "--as", "duty@ru-fsb", "--kind", "surveillance", "--area", "-", "--altitude", "0-4000",
                "--start", "2026-05-01T02:00:00Z", "--end", "2026-05-01T06:00:00Z", "--contact-name", "Дежурный", "--radio", "UHF 301.5",
                "--reference", "НАБЛЮДЕНИЕ-3", "--store", StorePath, "--json",
            ],
            """{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[69.16,34.52],[69.19,34.52],[69.19,34.55],[69.16,34.55],[69.16,34.52]]]},"properties":{"buffer_m":500}}""");
        Assert.True(code == 0, error);
        var ru = JsonNode.Parse(output)!;
        var ruId = ru["operation"]!["id"]!.GetValue<string>();
        var toRu = Assert.Single(ru["notices"]!.AsArray())!.AsObject();
        var toUs = Assert.Single((await OkJsonAsync("ops", "conflicts", "--as", "duty@us-dni")).AsArray())!.AsObject();

        Assert.Equal(toRu["conflict_id"]!.GetValue<string>(), toUs["conflict_id"]!.GetValue<string>());
        Assert.Equal(usId, toUs["operation"]!.GetValue<string>());
        Assert.Equal("Дежурный", toUs["contact"]!["name"]!.GetValue<string>());
        Assert.Equal("NCTC watch", toRu["contact"]!["name"]!.GetValue<string>());
        foreach (var (notice, theirs) in new[] { (toUs, (Id: ruId, Party: "ru-fsb", Kind: "surveillance", Reference: "НАБЛЮДЕНИЕ")), (toRu, (Id: usId, Party: "us-dni", Kind: "air_strike", Reference: "STRIKE")) })
        {
            Assert.All(notice.Select(p => p.Key), key => Assert.Contains(key, AllowedNoticeFields));
            Assert.Null(notice["counterpart_party"]);
            Assert.Null(notice["counterpart_kind"]);
            Assert.Null(notice["counterpart_operation"]);
            var text = notice.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            Assert.DoesNotContain(theirs.Id, text, StringComparison.Ordinal);
            Assert.DoesNotContain(theirs.Party, text, StringComparison.Ordinal);
            Assert.DoesNotContain(theirs.Kind, text, StringComparison.Ordinal);
            Assert.DoesNotContain(theirs.Reference, text, StringComparison.Ordinal);
            Assert.DoesNotContain("69.16", text, StringComparison.Ordinal);
            Assert.DoesNotContain("69.172", text, StringComparison.Ordinal);
        }

        var table = await RunAsync(["ops", "conflicts", "--as", "duty@ru-fsb", "--store", StorePath]);
        Assert.Contains("NCTC", table.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("us-dni", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operations_apart_raise_no_notice_and_bad_input_is_one_line_and_stores_nothing()
    {
        await SeedAsync();
        var kabul = File("kabul.geojson", """{"type":"Feature","geometry":{"type":"Point","coordinates":[69.17,34.53]},"properties":{"radius_m":3000}}""");
        var mazar = File("mazar.geojson", """{"type":"Feature","geometry":{"type":"LineString","coordinates":[[67.1,36.7],[67.2,36.75]]},"properties":{"width_m":2000}}""");
        var us = await OkJsonAsync("ops", "register", "--as", "duty@us-dni", "--kind", "convoy", "--area", kabul, "--start", "2026-05-02T01:00:00Z", "--end", "2026-05-02T03:00:00Z", "--phone", "+1 703 555 0100", "--contact-name", "W");
        var apart = await RunAsync(["ops", "register", "--as", "duty@ru-fsb", "--kind", "convoy", "--area", mazar, "--start", "2026-05-02T01:00:00Z", "--end", "2026-05-02T03:00:00Z", "--phone", "1", "--contact-name", "W", "--store", StorePath]);
        var later = await RunAsync(["ops", "register", "--as", "duty@ru-fsb", "--kind", "convoy", "--area", kabul, "--start", "2026-05-02T03:00:00Z", "--end", "2026-05-02T05:00:00Z", "--phone", "1", "--contact-name", "W", "--store", StorePath]);

        Assert.Contains("0 conflict notice(s)", apart.Out, StringComparison.Ordinal);
        Assert.Contains("0 conflict notice(s)", later.Out, StringComparison.Ordinal);

        var backwards = await RunAsync(["ops", "register", "--as", "duty@ru-fsb", "--kind", "convoy", "--area", kabul, "--start", "2026-05-02T03:00:00Z", "--end", "2026-05-02T01:00:00Z", "--phone", "1", "--contact-name", "W", "--store", StorePath]);
        var stranger = await RunAsync(["ops", "register", "--as", "duty@ru-fsb", "--kind", "convoy", "--area", kabul, "--start", "2026-05-02T01:00:00Z", "--end", "2026-05-02T02:00:00Z", "--contact", "duty@us-dni", "--phone", "1", "--contact-name", "W", "--store", StorePath]);
        var theirs = await RunAsync(["ops", "cancel", us["operation"]!["id"]!.GetValue<string>(), "--as", "duty@ru-fsb", "--store", StorePath]);

        Assert.Equal(1, backwards.Code);
        Assert.Equal("concord: /end: the window ends before it starts", backwards.Err.Trim());
        Assert.Equal(1, stranger.Code);
        Assert.Contains("/contact/member", stranger.Err, StringComparison.Ordinal);
        Assert.Equal(1, theirs.Code);
        Assert.Contains("not found", theirs.Err, StringComparison.Ordinal);
        Assert.Equal(2, (await OkJsonAsync("ops", "list", "--as", "duty@ru-fsb")).AsArray().Count);
        Assert.Equal("active", (await OkJsonAsync("ops", "list", "--as", "duty@us-dni"))[0]!["status"]!.GetValue<string>());
    }

    public void Dispose()
    {
        CliRunner.Input.Value = null;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_folder, recursive: true);
    }
}
