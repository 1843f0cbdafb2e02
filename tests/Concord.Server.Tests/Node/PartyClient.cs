using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Concord.Domain.Directory;
using Concord.Domain.Releasability;

namespace Concord.Server.Tests.Node;

/// <summary>An analyst of one party talking to the node over HTTP with its own API key.</summary>
public sealed class PartyClient(PartyId party, ApiKeyToken key, HttpClient http)
{
    public PartyId Party { get; } = party;

    public string Id => Party.Value;

    public ApiKeyToken Key { get; } = key;

    public HttpClient Http { get; } = http;

    /// <summary>POSTs a bundle to <c>/api/bundles</c> (with an optional query string) and returns the answer.</summary>
    public async Task<Answer> ImportAsync(string bundle, string query = "")
    {
        using var content = new StringContent(bundle, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/stix+json");
        using var response = await Http.PostAsync(new Uri("/api/bundles" + query, UriKind.Relative), content);
        return await Answer.ReadAsync(response);
    }

    /// <summary>Imports a bundle and fails unless every object went in.</summary>
    public async Task<JsonObject> ImportOkAsync(string bundle, string query = "")
    {
        var answer = await ImportAsync(bundle, query);
        Assert.True(answer.Status == HttpStatusCode.OK, $"import by {Id}: {answer.Status} {answer.Body}");
        var report = answer.Json.AsObject();
        Assert.True(report["rejected"]!.GetValue<long>() == 0, $"import by {Id}: {answer.Body}");
        return report;
    }

    public async Task<Answer> GetAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        return await Answer.ReadAsync(response);
    }

    public async Task<Answer> PostJsonAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri(path, UriKind.Relative), content);
        return await Answer.ReadAsync(response);
    }

    /// <summary>Releases (forwards) an object further.</summary>
    public Task<Answer> ReleaseAsync(string id, IEnumerable<string>? parties = null, IEnumerable<string>? channels = null) =>
        PostJsonAsync($"/api/objects/{id}/release", new JsonObject
        {
            ["parties"] = new JsonArray([.. (parties ?? []).Select(p => JsonValue.Create(p))]),
            ["channels"] = new JsonArray([.. (channels ?? []).Select(c => JsonValue.Create(c))]),
        }.ToJsonString());

    /// <summary>Every object of every page of <c>/api/objects</c> with this query (no <c>cursor</c>, no <c>limit</c>).</summary>
    public async Task<IReadOnlyList<JsonObject>> ListAllAsync(string query = "", int limit = 100)
    {
        var objects = new List<JsonObject>();
        var separator = query.Length == 0 ? "?" : "&";
        var path = $"/api/objects{(query.Length == 0 ? string.Empty : "?" + query)}{separator}limit={limit}";
        for (var pages = 0; pages < 10_000; pages++)
        {
            var answer = await GetAsync(path);
            Assert.True(answer.Status == HttpStatusCode.OK, $"{path}: {answer.Status} {answer.Body}");
            var page = answer.Json.AsObject();
            objects.AddRange(page["objects"]!.AsArray().Select(o => o!.AsObject()));
            if (page["next"] is not JsonValue next)
            {
                return objects;
            }

            path = $"/api/objects{(query.Length == 0 ? string.Empty : "?" + query)}{separator}limit={limit}&cursor={Uri.EscapeDataString(next.GetValue<string>())}";
        }

        throw new InvalidOperationException("paging did not end");
    }

    public async Task<long> CountAsync(string query = "")
    {
        var answer = await GetAsync("/api/objects/count" + (query.Length == 0 ? string.Empty : "?" + query));
        Assert.True(answer.Status == HttpStatusCode.OK, $"count {query}: {answer.Status} {answer.Body}");
        return answer.Json["count"]!.GetValue<long>();
    }

    /// <summary>The objects of an export (<c>GET /api/bundles</c>), without the leading extension-definition.</summary>
    public async Task<IReadOnlyList<JsonObject>> ExportAsync(string query = "")
    {
        var answer = await GetAsync("/api/bundles" + (query.Length == 0 ? string.Empty : "?" + query));
        Assert.True(answer.Status == HttpStatusCode.OK, $"export {query}: {answer.Status} {answer.Body}");
        var objects = answer.Json["objects"]!.AsArray().Select(o => o!.AsObject()).ToList();
        Assert.Equal("extension-definition", objects[0]["type"]!.GetValue<string>());
        return objects.Skip(1).ToList();
    }
}
