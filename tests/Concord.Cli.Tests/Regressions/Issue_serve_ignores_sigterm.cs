using System.Diagnostics;
using System.Text;

namespace Concord.Cli.Tests.Regressions;

/// <summary>
/// <c>concord serve</c> and <c>concord demo</c> ignored SIGTERM: the web host's console lifetime took the signal
/// and began its shutdown, but the command kept waiting on its own token, so the node never stopped.
/// </summary>
public sealed class Issue_serve_ignores_sigterm
{
    [Fact]
    public async Task Serve_stops_cleanly_on_sigterm()
    {
        using var node = TestNode.Create();
        Assert.Equal(0, (await node.RunAsync("init")).ExitCode);
        var output = new StringBuilder();
        using var serve = ConcordProcess.Start(["serve", "--store", node.Store, "--url", "http://127.0.0.1:0"], output);
        using (var started = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (!Snapshot(output).Contains("serving", StringComparison.Ordinal))
            {
                Assert.False(serve.HasExited, Snapshot(output));
                await Task.Delay(50, started.Token);
            }
        }

        using (var kill = Process.Start("kill", ["-TERM", serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await serve.WaitForExitAsync(stopped.Token);
        Assert.Equal(0, serve.ExitCode);
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
