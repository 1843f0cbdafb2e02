using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Concord.Storage;
using Concord.Storage.Deconfliction;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Concord.Server.Deconfliction;

/// <summary>
/// Follows the node's notice feed (written by this server, the CLI or another node on the same database) and
/// passes each new entry on: it wakes the server-sent-event streams and posts the entry to the party's webhook,
/// signed with HMAC-SHA256 over <c>timestamp.body</c> (headers <c>X-Concord-Timestamp</c> and
/// <c>X-Concord-Signature: sha256=…</c>), retrying with exponential backoff.
/// </summary>
internal sealed partial class NoticeDispatcher(IConcordStore store, NoticeHub hub, IHttpClientFactory clients, ILogger<NoticeDispatcher> logger) : BackgroundService
{
    /// <summary>How often the feed is read when nothing in this process wrote to it.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Waits between webhook attempts: 1 s, 2 s, 4 s, 8 s, 16 s.</summary>
    public static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16)];

    /// <summary>The API's own JSON shape (camelCase), for webhook bodies.</summary>
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, TypeInfoResolver = ServerJson.Default };

    private readonly SemaphoreSlim _deliveries = new(8, 8);

    /// <summary>The HMAC-SHA256 signature header value for a body sent at a timestamp.</summary>
    public static string Sign(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long cursor;
        try
        {
            cursor = await store.Operations.LastEventAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        using var timer = new PeriodicTimer(PollInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var events = await store.Operations.AllEventsAsync(cursor, 500, stoppingToken);
                if (events.Count > 0)
                {
                    hub.Pulse();
                    foreach (var entry in events)
                    {
                        cursor = entry.Seq;
                        if (await store.Operations.WebhookAsync(entry.Party, stoppingToken) is { } target)
                        {
                            await _deliveries.WaitAsync(stoppingToken);
                            _ = Task.Run(() => DeliverAsync(target, entry, stoppingToken), CancellationToken.None);
                        }
                    }

                    continue;
                }

                await timer.WaitForNextTickAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
#pragma warning disable CA1031 // The dispatcher outlives a failed read; it logs and tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFeedFailed(logger, ex);
                await Task.Delay(PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task DeliverAsync(WebhookTarget target, OperationEvent entry, CancellationToken cancellationToken)
    {
        try
        {
            var notice = (NoticeView)JsonSerializer.Deserialize(entry.Body, Web.GetTypeInfo(typeof(NoticeView)))!;
            var body = JsonSerializer.Serialize(new WebhookDelivery(entry.Seq, entry.Type, entry.ConflictId, entry.At, notice), Web.GetTypeInfo(typeof(WebhookDelivery)));
            var client = clients.CreateClient(nameof(NoticeDispatcher));
            for (var attempt = 0; attempt <= Backoff.Length; attempt++)
            {
                var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")) };
                request.Headers.Add("X-Concord-Event", entry.Type);
                request.Headers.Add("X-Concord-Delivery", entry.Seq.ToString(CultureInfo.InvariantCulture));
                request.Headers.Add("X-Concord-Timestamp", timestamp);
                request.Headers.Add("X-Concord-Signature", Sign(target.Secret, timestamp, body));
                try
                {
                    using var response = await client.SendAsync(request, cancellationToken);
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }

                    LogDeliveryRefused(logger, entry.Seq, (int)response.StatusCode, attempt + 1);
                }
                catch (HttpRequestException ex)
                {
                    LogDeliveryFailed(logger, entry.Seq, attempt + 1, ex.Message);
                }

                if (attempt < Backoff.Length)
                {
                    await Task.Delay(Backoff[attempt], cancellationToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The node is stopping.
        }
        finally
        {
            _deliveries.Release();
        }
    }

    public override void Dispose()
    {
        _deliveries.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the notice feed failed; retrying")]
    private static partial void LogFeedFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {Seq} refused with {Status} (attempt {Attempt})")]
    private static partial void LogDeliveryRefused(ILogger logger, long seq, int status, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {Seq} failed (attempt {Attempt}): {Reason}")]
    private static partial void LogDeliveryFailed(ILogger logger, long seq, int attempt, string reason);
}
