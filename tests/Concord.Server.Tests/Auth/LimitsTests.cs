using System.Net;
using System.Text;
using Concord.Server.Tests.Node;
using Concord.Server.Tests.Stix;

namespace Concord.Server.Tests.Auth;

/// <summary>Rate and size limits answer with problem+json, and the OpenAPI document describes the API.</summary>
public sealed class LimitsTests
{
    [Fact]
    public async Task A_key_over_its_requests_per_minute_gets_429_problem_and_other_keys_do_not()
    {
        await using var node = await TestNode.StartAsync(o => o.RequestsPerMinute = 3);
        var busy = await node.AddPartyAsync("ru-fsb");
        var quiet = await node.AddPartyAsync("pk-isi");

        var answers = new List<Answer>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await busy.GetAsync("/api/objects/count"));
        }

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3].Status);
        Assert.Equal("application/problem+json", answers[3].MediaType);
        Assert.Equal(429, answers[3].Json["status"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await quiet.GetAsync("/api/objects/count")).Status);
    }

    [Fact]
    public async Task A_body_larger_than_max_request_bytes_gets_413_problem()
    {
        await using var node = await TestNode.StartAsync(o => o.MaxRequestBytes = 2048);
        var party = await node.AddPartyAsync("ru-fsb");
        var big = StixDraft.Bundle(StixDraft.ThreatActor("Oversized " + new string('x', 4096)));

        var answer = await party.ImportAsync(big);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal("the request body is larger than 2048 bytes", answer.Json["detail"]!.GetValue<string>());
        Assert.Equal(0, await party.CountAsync());
    }

    [Fact]
    public async Task A_chunked_body_that_grows_past_max_request_bytes_gets_413_problem_and_stores_nothing()
    {
        await using var node = await TestNode.StartAsync(o => o.MaxRequestBytes = 4096);
        var party = await node.AddPartyAsync("ru-fsb");
        var bundle = StixDraft.Bundle([.. Enumerable.Range(0, 40).Select(i => StixDraft.ThreatActor($"Chunked {i}"))]);
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(bundle)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/bundles", UriKind.Relative)) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await party.Http.SendAsync(request);
        var answer = await Answer.ReadAsync(response);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal(0, await party.CountAsync());
    }

    [Fact]
    public async Task A_body_within_max_request_bytes_goes_in()
    {
        await using var node = await TestNode.StartAsync(o => o.MaxRequestBytes = 2048);
        var party = await node.AddPartyAsync("ru-fsb");

        await party.ImportOkAsync(StixDraft.Bundle(StixDraft.ThreatActor("Small")));

        Assert.Equal(1, await party.CountAsync());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_object_bundle_and_admin_operations()
    {
        await using var node = await TestNode.StartAsync();

        using var response = await node.Client(null).GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var answer = await Answer.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var paths = answer.Json["paths"]!.AsObject();
        var operations = paths.SelectMany(p => p.Value!.AsObject().Select(m => m.Value!["operationId"]?.GetValue<string>())).ToHashSet();
        foreach (var operation in new[]
        {
            "GetObject", "GetObjectVersions", "ListObjects", "CountObjects", "ExportBundle", "ReleaseObject", "ImportBundle",
            "AdminListParties", "AdminAddParty", "AdminAddChannel", "AdminAddChannelMember", "AdminAddMember", "AdminCreateKey", "AdminRevokeKey", "AdminVerifyAudit",
        })
        {
            Assert.Contains(operation, operations);
        }

        Assert.Contains("/api/objects/{id}", paths.Select(p => p.Key));
        Assert.Contains("/api/bundles", paths.Select(p => p.Key));
        Assert.Contains("/api/admin/parties", paths.Select(p => p.Key));
        var listParameters = paths["/api/objects"]!["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>());
        Assert.Equal(["type", "q", "originator", "channel", "modified_after", "modified_before", "tlp", "received", "newest_first", "limit", "cursor"], listParameters);
        var importParameters = paths["/api/bundles"]!["post"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>());
        Assert.Equal(["party", "channel", "caveat", "purpose", "restriction", "grading", "all_or_nothing"], importParameters);
        Assert.NotNull(paths["/api/objects/{id}"]!["get"]!["responses"]!["404"]);
    }

    [Fact]
    public async Task An_unknown_path_gets_a_404_problem()
    {
        await using var node = await TestNode.StartAsync();
        var party = await node.AddPartyAsync("ru-fsb");

        var answer = await party.GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
    }

    [Fact]
    public async Task A_wrong_method_gets_a_405_problem()
    {
        await using var node = await TestNode.StartAsync();
        var party = await node.AddPartyAsync("ru-fsb");
        using var content = new StringContent("{}", Encoding.UTF8, "application/json");

        using var response = await party.Http.PutAsync(new Uri("/api/objects", UriKind.Relative), content);
        var answer = await Answer.ReadAsync(response);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
    }
}
