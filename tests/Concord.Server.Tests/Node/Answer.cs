using System.Net;
using System.Text.Json.Nodes;

namespace Concord.Server.Tests.Node;

/// <summary>An HTTP answer read whole: status, media type, headers (joined with ", ") and body text.</summary>
public sealed record Answer(HttpStatusCode Status, string? MediaType, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("the body is JSON null");

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public static async Task<Answer> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, headers, body);
    }

    public override string ToString() => $"{(int)Status} {MediaType} {Body}";
}
