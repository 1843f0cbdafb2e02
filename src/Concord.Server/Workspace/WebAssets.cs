using System.Collections.Frozen;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Concord.Server.Workspace;

/// <summary>
/// The browser workspace's files, built from <c>src/Concord.Web</c> and embedded in this assembly, so a node
/// serves every asset itself — scripts, styles, fonts, base-map data — and works air-gapped. Text files are
/// gzipped once at start; hashed files are cached for a year, the page itself never.
/// </summary>
internal sealed class WebAssets
{
    private const string Prefix = "wwwroot/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".woff2"] = "font/woff2",
        [".woff"] = "font/woff",
        [".txt"] = "text/plain; charset=utf-8",
        [".ico"] = "image/x-icon",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, Asset> _assets;

    public WebAssets()
        : this(typeof(WebAssets).Assembly)
    {
    }

    private WebAssets(Assembly assembly)
    {
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var path = "/" + name[Prefix.Length..].Replace('\\', '/');
            var type = ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");
            var bytes = buffer.ToArray();
            byte[]? gzip = null;
            if (type.StartsWith("text/", StringComparison.Ordinal) || type.StartsWith("application/json", StringComparison.Ordinal) || type == "image/svg+xml")
            {
                using var zipped = new MemoryStream();
                using (var gz = new GZipStream(zipped, CompressionLevel.SmallestSize, leaveOpen: true))
                {
                    gz.Write(bytes);
                }

                gzip = zipped.ToArray();
            }

            assets[path] = new Asset(bytes, gzip, type, "\"" + Convert.ToHexString(SHA256.HashData(bytes))[..16] + "\"", path.StartsWith("/assets/", StringComparison.Ordinal));
        }

        _assets = assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>True when the front end was built into this assembly.</summary>
    public bool Built => _assets.ContainsKey("/index.html");

    /// <summary>The asset at a request path, or null.</summary>
    public Asset? Find(string path) => _assets.GetValueOrDefault(path);

    /// <summary>Writes an asset, honouring If-None-Match and Accept-Encoding: gzip.</summary>
    public static Task WriteAsync(HttpContext context, Asset asset)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(asset);
        var response = context.Response;
        response.Headers.ETag = asset.ETag;
        response.Headers.CacheControl = asset.Immutable ? "public, max-age=31536000, immutable" : "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.Vary = "Accept-Encoding";
        if (context.Request.Headers.IfNoneMatch.ToString() == asset.ETag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = asset.ContentType;
        var body = asset.Bytes;
        if (asset.Gzip is { } gzip && context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            response.Headers.ContentEncoding = "gzip";
            body = gzip;
        }

        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    /// <summary>One embedded file.</summary>
    internal sealed record Asset(byte[] Bytes, byte[]? Gzip, string ContentType, string ETag, bool Immutable);
}
