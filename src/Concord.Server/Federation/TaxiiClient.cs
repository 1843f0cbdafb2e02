using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Concord.Server.Taxii;
using Concord.Storage.Federation;

namespace Concord.Server.Federation;

/// <summary>
/// A TAXII 2.1 client for one peer: discovery, collections, object pages, POST and DELETE, authenticated with the
/// credential the peer issued to this node (sent as a bearer token). Works against any TAXII 2.1 server.
/// </summary>
public sealed class TaxiiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _base;
    private Uri? _apiRoot;

    /// <summary>A client for <paramref name="peer"/>.</summary>
    public TaxiiClient(Peer peer, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(peer);
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = TimeSpan.FromSeconds(100);
        _base = peer.Url.AbsoluteUri.EndsWith('/') ? peer.Url : new Uri(peer.Url.AbsoluteUri + "/");
        _http.DefaultRequestHeaders.Accept.ParseAdd(TaxiiMedia.Taxii);
        if (peer.Credential is { } credential)
        {
            // A Concord API key goes as a bearer token; "user:password" (a plain TAXII server) as HTTP Basic.
            _http.DefaultRequestHeaders.Authorization = credential.Contains(':', StringComparison.Ordinal)
                ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(credential)))
                : new AuthenticationHeaderValue("Bearer", credential);
        }
    }

    /// <summary>The peer's default API root, from its discovery resource at <c>/taxii2/</c>.</summary>
    public async Task<Uri> ApiRootAsync(CancellationToken cancellationToken)
    {
        if (_apiRoot is { } known)
        {
            return known;
        }

        if (_base.AbsolutePath.Length > 1 && !_base.AbsolutePath.EndsWith("/taxii2/", StringComparison.Ordinal))
        {
            // The peer was given as an API root URL (some servers' discovery names roots at addresses they are not
            // reachable at): use it as it is.
            _apiRoot = _base;
            return _apiRoot;
        }

        using var discovery = await GetJsonAsync(_base.AbsolutePath.EndsWith("/taxii2/", StringComparison.Ordinal) ? _base : new Uri(_base, "taxii2/"), cancellationToken);
        var root = discovery.Document.RootElement;
        var text = root.TryGetProperty("default", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()
            : root.TryGetProperty("api_roots", out var roots) && roots.ValueKind == JsonValueKind.Array && roots.GetArrayLength() > 0 ? roots[0].GetString() : null;
        if (text is null)
        {
            throw new TaxiiException("the peer's discovery resource names no API root");
        }

        var uri = new Uri(_base, text);
        _apiRoot = uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
        return _apiRoot;
    }

    /// <summary>The collections this node may read at the peer: (id, title).</summary>
    public async Task<IReadOnlyList<(string Id, string Title)>> ReadableCollectionsAsync(CancellationToken cancellationToken)
    {
        using var page = await GetJsonAsync(new Uri(await ApiRootAsync(cancellationToken), "collections/"), cancellationToken);
        var result = new List<(string, string)>();
        if (page.Document.RootElement.TryGetProperty("collections", out var collections) && collections.ValueKind == JsonValueKind.Array)
        {
            foreach (var c in collections.EnumerateArray())
            {
                if (c.TryGetProperty("can_read", out var r) && r.ValueKind == JsonValueKind.True && c.TryGetProperty("id", out var id) && id.GetString() is { } text)
                {
                    result.Add((text, c.TryGetProperty("title", out var t) ? t.GetString() ?? text : text));
                }
            }
        }

        return result;
    }

    /// <summary>One page of a collection's objects.</summary>
    public async Task<TaxiiResponse> GetObjectsAsync(string collectionId, string query, CancellationToken cancellationToken) =>
        await GetJsonAsync(new Uri(await ApiRootAsync(cancellationToken), $"collections/{Uri.EscapeDataString(collectionId)}/objects/?{query}"), cancellationToken);

    /// <summary>POSTs an envelope (already serialized) to a collection; returns the status resource.</summary>
    public async Task<TaxiiResponse> PostObjectsAsync(string collectionId, ReadOnlyMemory<byte> envelope, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(envelope);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(TaxiiMedia.Taxii);
        using var response = await _http.PostAsync(new Uri(await ApiRootAsync(cancellationToken), $"collections/{Uri.EscapeDataString(collectionId)}/objects/"), content, cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    /// <summary>DELETEs an object from a collection; false when the peer holds no such object (404).</summary>
    public async Task<bool> DeleteObjectAsync(string collectionId, string objectId, string query, CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync(new Uri(await ApiRootAsync(cancellationToken), $"collections/{Uri.EscapeDataString(collectionId)}/objects/{Uri.EscapeDataString(objectId)}/?{query}"), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureAsync(response, cancellationToken);
        return true;
    }

    private async Task<TaxiiResponse> GetJsonAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    private static async Task<TaxiiResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await EnsureAsync(response, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var document = await JsonDocument.ParseAsync(body, default, cancellationToken);
        var last = response.Headers.TryGetValues("X-TAXII-Date-Added-Last", out var values) ? values.FirstOrDefault() : null;
        return new TaxiiResponse(document, last);
    }

    private static async Task EnsureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var description = body;
        try
        {
            using var error = JsonDocument.Parse(body);
            description = error.RootElement.TryGetProperty("description", out var d) ? d.GetString() ?? body
                : error.RootElement.TryGetProperty("detail", out var p) ? p.GetString() ?? body : body;
        }
        catch (JsonException)
        {
        }

        throw new TaxiiException($"{(int)response.StatusCode} {response.ReasonPhrase}: {(description.Length > 300 ? description[..300] : description)}", response.StatusCode);
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}

/// <summary>A TAXII answer: its JSON and its <c>X-TAXII-Date-Added-Last</c> header.</summary>
public sealed record TaxiiResponse(JsonDocument Document, string? DateAddedLast) : IDisposable
{
    /// <inheritdoc />
    public void Dispose() => Document.Dispose();
}

/// <summary>A peer's TAXII server answered with an error, or not as TAXII.</summary>
public sealed class TaxiiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TaxiiException(string message, HttpStatusCode? status = null)
        : base(message) => Status = status;

    /// <summary>Creates the exception.</summary>
    public TaxiiException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public TaxiiException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The HTTP status, when there was one.</summary>
    public HttpStatusCode? Status { get; }
}
