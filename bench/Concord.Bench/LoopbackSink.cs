using System.Buffers;
using Concord.Server.Taxii;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Concord.Bench;

/// <summary>
/// The transport floor's server: a bare Kestrel endpoint on loopback with none of Concord's middleware.
/// <c>POST /sink</c> reads the body and discards it, answering 202 with a small TAXII status; <c>GET /pages/{i}</c>
/// serves the i-th of the given pre-rendered bodies.
/// </summary>
internal sealed class LoopbackSink : IAsyncDisposable
{
    private static readonly byte[] Status = """{"id":"00000000-0000-4000-8000-000000000000","status":"complete","total_count":0,"success_count":0,"failure_count":0,"pending_count":0}"""u8.ToArray();
    private readonly WebApplication _app;

    private LoopbackSink(WebApplication app)
    {
        _app = app;
        var url = NodePair.Address(app);
        Sink = new Uri(url, "sink");
        Pages = new Uri(url, "pages/");
    }

    /// <summary>Where to POST.</summary>
    public Uri Sink { get; }

    /// <summary>Where the pages are (<c>pages/{i}</c>).</summary>
    public Uri Pages { get; }

    public static async Task<LoopbackSink> StartAsync(IReadOnlyList<byte[]> pages)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = null;
        });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/sink", async (HttpContext context) =>
        {
            var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
            try
            {
                while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted) > 0)
                {
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            context.Response.StatusCode = StatusCodes.Status202Accepted;
            context.Response.ContentType = TaxiiMedia.Taxii;
            context.Response.ContentLength = Status.Length;
            await context.Response.Body.WriteAsync(Status, context.RequestAborted);
        });
        app.MapGet("/pages/{i:int}", async (int i, HttpContext context) =>
        {
            context.Response.ContentType = TaxiiMedia.Taxii;
            context.Response.ContentLength = pages[i].Length;
            await context.Response.Body.WriteAsync(pages[i], context.RequestAborted);
        });
        await app.StartAsync();
        return new LoopbackSink(app);
    }

    /// <summary>POSTs a body as a TAXII envelope and reads the whole answer.</summary>
    public async Task PostAsync(HttpClient http, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(TaxiiMedia.Taxii);
        using var response = await http.PostAsync(Sink, content);
        response.EnsureSuccessStatusCode();
        await response.Content.CopyToAsync(Stream.Null);
    }

    /// <summary>GETs page <paramref name="i"/> and reads and discards it; returns its length.</summary>
    public async Task<long> GetAsync(HttpClient http, int i)
    {
        using var response = await http.GetAsync(new Uri(Pages, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                total += read;
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
