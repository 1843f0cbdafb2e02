using System.CommandLine;
using Concord.Cli.Hosting;
using Concord.Storage.Sqlite;

namespace Concord.Cli.Demo;

/// <summary>
/// <c>concord demo</c>: builds a fresh demo node — the parties, channels and reporting of the scenario — on
/// embedded SQLite and serves it, printing the URL and one API key per member.
/// </summary>
internal static class DemoCommand
{
    private const string DefaultStore = ".concord/demo.db";

    public static Command Create()
    {
        var seedOnly = new Option<bool>("--seed-only") { Description = "Build the demo store and print the keys, but do not serve." };
        var command = new Command("demo", "Start a demo node with a realistic scenario on embedded SQLite; prints the URL and one API key per member.")
        {
            ServeCommand.Url,
            seedOnly,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var storeResult = parse.GetResult(CliOptions.Store);
            var path = storeResult is null || storeResult.Implicit ? DefaultStore : parse.GetValue(CliOptions.Store)!;
            if (path.Contains("Host=", StringComparison.OrdinalIgnoreCase) || path.StartsWith("postgres", StringComparison.OrdinalIgnoreCase))
            {
                throw new CliException("--store: the demo builds a fresh SQLite file; give a file path");
            }

            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                if (File.Exists(path + suffix))
                {
                    File.Delete(path + suffix);
                }
            }

            var output = CliRunner.Current.Value?.Output ?? Console.Out;
            await using var store = new SqliteStore(path);
            await store.MigrateAsync(cancellationToken);
            var keys = await DemoSeeder.SeedAsync(store, cancellationToken);
            var json = parse.GetValue(CliOptions.Json);
            var url = parse.GetValue(ServeCommand.Url)!;
            if (parse.GetValue(seedOnly))
            {
                Print(output, new DemoNode(url, store.Description, keys), json, serving: false);
                return 0;
            }

            await ServeCommand.RunAsync(store, url, TextWriter.Null, address => Print(output, new DemoNode(address, store.Description, keys), json, serving: true), cancellationToken);
            return 0;
        });
        return command;
    }

    private static void Print(TextWriter output, DemoNode node, bool json, bool serving)
    {
        if (json)
        {
            output.WriteLine(CliContext.ReadableJson(node, CliJson.Default.DemoNode, indented: false));
            output.Flush();
            return;
        }

        output.WriteLine(serving
            ? $"Concord demo node serving at {node.Url}  (store {node.Store}; OpenAPI at {node.Url}/openapi/v1.json)"
            : $"Concord demo store built at {node.Store}; serve it with: concord serve --store {node.Store} --url {node.Url}");
        if (serving)
        {
            output.WriteLine();
            output.WriteLine($"Web workspace: open {node.Url}/ in a browser and sign in with a party member's key below (e.g. analyst@pk-isi).");
        }

        output.WriteLine();
        output.WriteLine("API keys (send as 'Authorization: Bearer <key>', or paste one to sign in to the web workspace):");
        foreach (var key in node.Keys)
        {
            output.WriteLine($"  {key.Member,-28} {key.Token}");
        }

        var example = node.Keys.FirstOrDefault(k => !k.Member.EndsWith("@node", StringComparison.Ordinal));
        if (example is not null)
        {
            output.WriteLine();
            output.WriteLine("Try:");
            output.WriteLine($"  curl -s -H 'Authorization: Bearer {example.Token}' '{node.Url}/api/objects?type=report'");
            output.WriteLine($"  curl -s -H 'Authorization: Bearer {example.Token}' '{node.Url}/api/objects?q=Khorasan'");
            output.WriteLine($"  curl -s -H 'Authorization: Bearer {example.Token}' '{node.Url}/taxii2/concord/collections/'    # TAXII 2.1");
        }

        if (serving)
        {
            output.WriteLine();
            output.WriteLine("Ctrl+C stops the node.");
        }

        output.Flush();
    }
}
