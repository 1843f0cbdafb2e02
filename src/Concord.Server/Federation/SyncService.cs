using Concord.Server.Taxii;
using Concord.Storage;
using Concord.Storage.Federation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Concord.Server.Federation;

/// <summary>
/// Continuous federation while the node serves: each peer is synchronised as soon as something is published here
/// (push on publish) and at least every <see cref="SyncLoop.Poll"/> otherwise; a peer that is down is retried with a
/// growing delay (up to half a minute) and resumes from its cursors when it is back.
/// </summary>
internal sealed class SyncService(IConcordStore store, NodeContext node, SyncSignal signal, ILoggerFactory loggers) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var signer = await node.SignerAsync(stoppingToken);
        await new SyncLoop(store, signer, signal, loggers.CreateLogger("Concord.Federation")).RunAsync(stoppingToken);
    }
}

/// <summary>The loop behind <c>concord serve</c> and <c>concord sync --continuous</c>.</summary>
public sealed class SyncLoop(IConcordStore store, NodeSigner signer, SyncSignal signal, ILogger logger)
{
    /// <summary>How often peers are checked when nothing is signalled (also catches imports by other processes).</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>Runs until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var engine = new SyncEngine(store, signer, logger);
        var backoff = new Dictionary<string, (DateTimeOffset Until, TimeSpan Delay)>();
        while (!cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<Peer> peers;
            try
            {
                peers = await store.Federation.ListPeersAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            foreach (var peer in peers)
            {
                var key = peer.Node.Value;
                if (backoff.TryGetValue(key, out var wait) && wait.Until > DateTimeOffset.UtcNow)
                {
                    continue;
                }

                try
                {
                    await engine.SyncAsync(peer, cancellationToken);
                    backoff.Remove(key);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaxiiException or TaskCanceledException or System.Text.Json.JsonException)
                {
                    var delay = wait.Delay == TimeSpan.Zero ? TimeSpan.FromSeconds(1) : TimeSpan.FromTicks(Math.Min(wait.Delay.Ticks * 2, MaxBackoff.Ticks));
                    backoff[key] = (DateTimeOffset.UtcNow + delay, delay);
                    FederationLog.PeerFailed(logger, key, ex.Message, delay.TotalSeconds);
                }
            }

            try
            {
                await signal.WaitAsync(Poll, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
