using System.CommandLine;
using Concord.Storage.Access;

namespace Concord.Cli.Objects;

/// <summary><c>concord export</c>: writes what a member's party may read as one STIX 2.1 bundle.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var actAs = CliOptions.As();
        var purpose = CliOptions.Purpose();
        var text = new Option<string?>("--q") { Description = "Only objects whose names, aliases or descriptions contain these words." };
        var output = new Option<string?>("--out") { Description = "Write the bundle to this file instead of standard output." };
        var filters = new QueryOptions();
        var command = new Command("export", "Export the objects a member's party may read as a STIX 2.1 bundle.") { actAs, purpose, text, output };
        filters.AddTo(command);
        command.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            var actor = await context.ActAsAsync(parse.GetValue(actAs), cancellationToken);
            var query = filters.Query(parse, parse.GetValue(text));
            var access = new ObjectAccess(context.Store);
            if (parse.GetValue(output) is { } path)
            {
                var temp = path + ".partial";
                long count;
                await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
                {
                    count = await access.ExportAsync(actor, query, parse.GetValue(purpose), file, cancellationToken);
                }

                File.Move(temp, path, overwrite: true);
                await (CliRunner.Current.Value?.Error ?? Console.Error).WriteLineAsync($"Exported {count} object(s) to {path}.");
                return 0;
            }

            if (ReferenceEquals(context.Output, Console.Out))
            {
                // Straight to the process's standard output, so memory stays flat whatever the export's size.
                await using var stdout = Console.OpenStandardOutput();
                await access.ExportAsync(actor, query, parse.GetValue(purpose), stdout, cancellationToken);
                return 0;
            }

            await using var buffer = new MemoryStream();
            await access.ExportAsync(actor, query, parse.GetValue(purpose), buffer, cancellationToken);
            context.Output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            return 0;
        }));
        return command;
    }
}
