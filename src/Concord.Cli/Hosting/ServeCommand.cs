using System.CommandLine;
using Concord.Server.Hosting;
using Concord.Storage;
using Microsoft.Extensions.Hosting;

namespace Concord.Cli.Hosting;

/// <summary><c>concord serve</c>: runs the node's HTTP API on the store.</summary>
internal static class ServeCommand
{
    public static readonly Option<string> Url = new("--url")
    {
        Description = "Address to listen on.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CONCORD_URL") is { Length: > 0 } u ? u : "http://127.0.0.1:5080",
    };

    public static Command Create()
    {
        var noSync = new Option<bool>("--no-sync") { Description = "Do not synchronise with peers while serving." };
        var command = new Command("serve", "Serve the node's HTTP API (REST, TAXII 2.1 and OpenAPI) on the store, and synchronise with its peers.") { Url, noSync };
        command.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            await RunAsync(context.Store, parse.GetValue(Url)!, context.Output, null, cancellationToken, !parse.GetValue(noSync));
            return 0;
        }));
        return command;
    }

    /// <summary>Starts the server, prints where it listens, and runs until cancelled (Ctrl+C).</summary>
    public static async Task RunAsync(IConcordStore store, string url, TextWriter output, Action<string>? started, CancellationToken cancellationToken, bool sync = true)
    {
        await using var app = ConcordServer.Build(store, new ServerOptions { Url = url, Sync = sync });
        await app.StartAsync(cancellationToken);
        var address = app.Urls.FirstOrDefault() ?? url;
        output.WriteLine($"Concord node serving {store.Description} at {address}  (TAXII 2.1: {address}/taxii2/; OpenAPI: {address}/openapi/v1.json; Ctrl+C stops)");
        started?.Invoke(address);
        // The host's console lifetime turns SIGTERM and Ctrl+C into a shutdown; the command's token covers callers
        // that stop the node themselves (tests, the demo).
        await app.WaitForShutdownAsync(cancellationToken);
    }
}
