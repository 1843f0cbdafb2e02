using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Concord.Server.Tests.Deconfliction;

public sealed class DeconflictionApiTests
{
    private static readonly string[] AllowedNoticeFields =
    [
        "conflict_id", "state", "operation", "from", "until", "area", "contact", "counterpart_party", "counterpart_kind",
        "internal", "counterpart_operation", "acknowledged_by_you", "acknowledged_by_counterpart", "resolution", "detected", "updated",
    ];

    private static StringContent Operation(string party, double lat, double lon, double radius, string start, string end, string kind = "ground_raid", string extra = "") =>
        new(
            $$$"""
            {"kind":"{{{kind}}}","area":{"type":"Feature","geometry":{"type":"Point","coordinates":[{{{lon}}},{{{lat}}}]},"properties":{"radius_m":{{{radius}}}}},
             "start":"{{{start}}}","end":"{{{end}}}","margin_minutes":15,"sensitivity":"routine",
             "contact":{"member":"duty@{{{party}}}","name":"Watch officer","radio":"HF 7.{{{radius}}} MHz"},"reference":"plan {{{party}}} alpha"{{{extra}}}}
            """,
            Encoding.UTF8,
            "application/json");

    private static string WithoutTrace(string problem)
    {
        var json = JsonNode.Parse(problem)!.AsObject();
        json.Remove("trace_id");
        return json.ToJsonString();
    }

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    [Fact]
    public async Task Two_parties_register_overlapping_operations_and_each_hears_only_what_disclosure_allows()
    {
        await using var node = await OpsNode.StartAsync();
        var us = await node.DutyOfficerAsync("us-dni");
        var ru = await node.DutyOfficerAsync("ru-fsb");
        await using var hook = await WebhookReceiver.StartAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await ru.PutAsJsonAsync("/api/ops/webhook", new { url = hook.Url.ToString(), secret = "ru-fsb-shared-secret-0001" })).StatusCode);
        await using var usStream = await EventStream.OpenAsync(us, "/api/ops/events");
        await using var ruStream = await EventStream.OpenAsync(ru, "/api/ops/events");
        Assert.Equal("text/event-stream", ruStream.MediaType);

        var raid = await us.PostAsync(new Uri("/api/ops", UriKind.Relative), Operation("us-dni", 34.531, 69.172, 2000, "2026-04-01T01:00:00Z", "2026-04-01T03:00:00Z", "air_strike"));
        Assert.Equal(HttpStatusCode.Created, raid.StatusCode);
        var raidJson = await JsonAsync(raid);
        Assert.Empty(raidJson["notices"]!.AsArray());
        var raidId = raidJson["operation"]!["id"]!.GetValue<string>();

        var watch = await ru.PostAsync(new Uri("/api/ops", UriKind.Relative), Operation("ru-fsb", 34.54, 69.18, 1500, "2026-04-01T02:00:00Z", "2026-04-01T06:00:00Z", "surveillance"));
        Assert.Equal(HttpStatusCode.Created, watch.StatusCode);
        var watchJson = await JsonAsync(watch);
        var watchId = watchJson["operation"]!["id"]!.GetValue<string>();
        var direct = Assert.Single(watchJson["notices"]!.AsArray())!.AsObject();

        var (_, usType, usData) = await usStream.NextAsync();
        var (_, ruType, ruData) = await ruStream.NextAsync();
        Assert.Equal(("conflict", "conflict"), (usType, ruType));
        var toUs = JsonNode.Parse(usData)!.AsObject();
        var toRu = JsonNode.Parse(ruData)!.AsObject();
        Assert.Equal(direct["conflict_id"]!.GetValue<string>(), toRu["conflict_id"]!.GetValue<string>());
        Assert.Equal(raidId, toUs["operation"]!.GetValue<string>());
        Assert.Equal(watchId, toRu["operation"]!.GetValue<string>());
        Assert.Equal("2026-04-01T01:45:00+00:00", toUs["from"]!.GetValue<DateTimeOffset>().ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 3, 15, 0, TimeSpan.Zero), toUs["until"]!.GetValue<DateTimeOffset>());
        Assert.Equal("HF 7.1500 MHz", toUs["contact"]!["radio"]!.GetValue<string>());
        Assert.Equal("HF 7.2000 MHz", toRu["contact"]!["radio"]!.GetValue<string>());
        foreach (var (notice, theirId, theirParty, theirKind) in new[] { (toUs, watchId, "ru-fsb", "surveillance"), (toRu, raidId, "us-dni", "air_strike") })
        {
            Assert.All(notice.Select(p => p.Key), key => Assert.Contains(key, AllowedNoticeFields));
            var text = notice.ToJsonString();
            Assert.DoesNotContain(theirId, text, StringComparison.Ordinal);
            Assert.DoesNotContain(theirParty, text, StringComparison.Ordinal);
            Assert.DoesNotContain(theirKind, text, StringComparison.Ordinal);
            Assert.DoesNotContain("plan ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("34.54", text, StringComparison.Ordinal);
            Assert.DoesNotContain("69.172", text, StringComparison.Ordinal);
            Assert.DoesNotContain("duty@", text, StringComparison.Ordinal);
            Assert.Equal([69.1, 34.5, 69.2, 34.6], notice["area"]!.AsArray().Select(x => x!.GetValue<double>()));
        }

        var (headers, body) = await hook.NextAsync();
        Assert.Equal("conflict", headers["X-Concord-Event"]);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("ru-fsb-shared-secret-0001"), Encoding.UTF8.GetBytes(headers["X-Concord-Timestamp"] + "." + body)));
        Assert.Equal(expected, headers["X-Concord-Signature"]);
        Assert.Equal(watchId, JsonNode.Parse(body)!["notice"]!["operation"]!.GetValue<string>());
        Assert.DoesNotContain(raidId, body, StringComparison.Ordinal);

        var conflictId = toUs["conflict_id"]!.GetValue<string>();
        var ack = await us.PostAsync(new Uri($"/api/ops/conflicts/{conflictId}/ack", UriKind.Relative), null);
        Assert.Equal("open", (await JsonAsync(ack))["state"]!.GetValue<string>());
        Assert.Equal("acknowledged", (await ruStream.NextAsync()).Type);
        Assert.True(JsonNode.Parse((await usStream.NextAsync()).Data)!["acknowledged_by_you"]!.GetValue<bool>());
        await ru.PostAsync(new Uri($"/api/ops/conflicts/{conflictId}/ack", UriKind.Relative), null);
        var bothAcked = JsonNode.Parse((await usStream.NextAsync()).Data)!;
        Assert.Equal("acknowledged", bothAcked["state"]!.GetValue<string>());

        var elsewhere = await ru.PostAsync(new Uri("/api/ops", UriKind.Relative), Operation("ru-fsb", 36.7, 67.1, 1500, "2026-04-01T02:00:00Z", "2026-04-01T06:00:00Z"));
        Assert.Empty((await JsonAsync(elsewhere))["notices"]!.AsArray());
        var open = await us.GetFromJsonAsync<JsonArray>("/api/ops/conflicts?open=true");
        Assert.Empty(open!);
        var all = await us.GetFromJsonAsync<JsonArray>("/api/ops/conflicts");
        Assert.Single(all!);
    }

    [Fact]
    public async Task Another_partys_operation_is_not_found_and_bad_input_is_a_problem_with_a_pointer()
    {
        await using var node = await OpsNode.StartAsync();
        var us = await node.DutyOfficerAsync("us-dni");
        var ru = await node.DutyOfficerAsync("ru-fsb");
        var raid = await JsonAsync(await us.PostAsync(new Uri("/api/ops", UriKind.Relative), Operation("us-dni", 34.5, 69.2, 2000, "2026-04-01T01:00:00Z", "2026-04-01T03:00:00Z")));
        var id = raid["operation"]!["id"]!.GetValue<string>();

        var theirs = await ru.PatchAsync(new Uri($"/api/ops/{id}", UriKind.Relative), new StringContent("""{"margin_minutes":0}""", Encoding.UTF8, "application/json"));
        var never = await ru.PatchAsync(new Uri($"/api/ops/op--{Guid.NewGuid()}", UriKind.Relative), new StringContent("""{"margin_minutes":0}""", Encoding.UTF8, "application/json"));
        var read = await ru.GetAsync(new Uri($"/api/ops/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(WithoutTrace(await never.Content.ReadAsStringAsync()), WithoutTrace(await theirs.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Empty((await us.GetFromJsonAsync<JsonArray>($"/api/ops/{id}"))!.Skip(1));

        var bowtie = await us.PostAsync(
            new Uri("/api/ops", UriKind.Relative),
            new StringContent("""{"kind":"convoy","area":{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[69,34],[70,35],[70,34],[69,35],[69,34]]]}},"start":"2026-04-01T01:00:00Z","end":"2026-04-01T03:00:00Z","contact":{"member":"duty@us-dni","name":"W","phone":"1"}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bowtie.StatusCode);
        Assert.Equal("application/problem+json", bowtie.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("/area/geometry/coordinates/0/", (await JsonAsync(bowtie))["pointer"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single((await us.GetFromJsonAsync<JsonArray>("/api/ops"))!);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_operations_routes()
    {
        await using var node = await OpsNode.StartAsync();
        var us = await node.DutyOfficerAsync("us-dni");

        var document = await us.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        using var json = JsonDocument.Parse(document);
        var paths = json.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/ops", "/api/ops/{id}", "/api/ops/{id}/cancel", "/api/ops/conflicts", "/api/ops/conflicts/{id}/ack", "/api/ops/conflicts/{id}/resolve", "/api/ops/events", "/api/ops/webhook" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }
}
