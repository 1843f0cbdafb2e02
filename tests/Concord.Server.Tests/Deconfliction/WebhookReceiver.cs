using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Concord.Server.Tests.Deconfliction;

/// <summary>A party's own webhook endpoint on 127.0.0.1: records each POST's headers and body.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<(IReadOnlyDictionary<string, string> Headers, string Body)> _received = Channel.CreateUnbounded<(IReadOnlyDictionary<string, string>, string)>();

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri Url => new(_app.Urls.Single() + "/hook");

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            await receiver._received.Writer.WriteAsync((headers, body));
            return Results.NoContent();
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>The next delivery, waiting at most 30 seconds.</summary>
    public async Task<(IReadOnlyDictionary<string, string> Headers, string Body)> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
