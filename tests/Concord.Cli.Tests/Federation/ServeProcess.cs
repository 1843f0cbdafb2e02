using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Concord.Cli.Tests.Federation;

/// <summary>
/// <c>concord serve --no-sync</c> on a store, as a real child process listening on 127.0.0.1. Disposing it kills the
/// whole process tree, so no node outlives its test.
/// </summary>
internal sealed partial class ServeProcess : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly Process _process;
    private readonly StringBuilder _output;
    private bool _disposed;

    private ServeProcess(Process process, StringBuilder output, Uri url)
    {
        _process = process;
        _output = output;
        Url = url;
    }

    /// <summary>The address it serves at, e.g. <c>http://127.0.0.1:41249</c>.</summary>
    public Uri Url { get; }

    public int Port => Url.Port;

    public Process Process => _process;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    [GeneratedRegex(@"serving .* at (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Serving();

    /// <summary>
    /// Starts serving <paramref name="store"/> on <paramref name="port"/> (0: a free port the system picks, which the
    /// node prints) and waits until it says it is serving.
    /// </summary>
    public static async Task<ServeProcess> StartAsync(string store, int port = 0)
    {
        var output = new StringBuilder();
        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        var process = ConcordProcess.Start(["serve", "--no-sync", "--url", url, "--store", store], output);
        try
        {
            var waited = Stopwatch.StartNew();
            while (true)
            {
                string text;
                lock (output)
                {
                    text = output.ToString();
                }

                if (Serving().Match(text) is { Success: true } match)
                {
                    return new ServeProcess(process, output, new Uri(match.Groups[1].Value));
                }

                Assert.False(process.HasExited, $"concord serve on {store} exited ({(process.HasExited ? process.ExitCode : 0)}): {text}");
                Assert.True(waited.Elapsed < Patience, $"concord serve on {store} did not start in {Patience}: {text}");
                await Task.Delay(50);
            }
        }
        catch
        {
            await KillAsync(process);
            process.Dispose();
            throw;
        }
    }

    /// <summary>kill -9 of the node and everything it started; waits until it is gone.</summary>
    public Task KillAsync() => KillAsync(_process);

    public static async Task KillAsync(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        using var exited = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(exited.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await KillAsync(_process);
        _process.Dispose();
    }
}
