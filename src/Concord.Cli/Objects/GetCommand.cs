using System.CommandLine;
using System.Text.Json;
using Concord.Domain.Stix;
using Concord.Storage.Access;

namespace Concord.Cli.Objects;

/// <summary><c>concord get &lt;id&gt;</c>: prints an object (or its history) as its reader may see it.</summary>
internal static class GetCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "STIX id, type--UUID." };
        var actAs = CliOptions.As();
        var purpose = CliOptions.Purpose();
        var versions = new Option<bool>("--versions") { Description = "Print every readable version, oldest first." };
        var command = new Command("get", "Print an object as STIX JSON, as a member's party may see it.") { id, actAs, purpose, versions };
        command.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            var actor = await context.ActAsAsync(parse.GetValue(actAs), cancellationToken);
            var stixId = StixId.TryParse(parse.GetValue(id), out var s) ? s : throw new CliException($"'{parse.GetValue(id)}' is not a STIX identifier (type--UUID)");
            var access = new ObjectAccess(context.Store);
            var reader = actor.RequireReader();
            var found = parse.GetValue(versions)
                ? await access.GetVersionsAsync(actor, stixId, parse.GetValue(purpose), cancellationToken)
                : await access.GetAsync(actor, stixId, parse.GetValue(purpose), cancellationToken) is { } latest ? [latest] : [];
            if (found.Count == 0)
            {
                throw new CliException($"{stixId}: not found (no object with this id is available to {reader.Party})");
            }

            foreach (var v in found)
            {
                using var doc = JsonDocument.Parse(StixOutput.ToJson(v, reader));
                context.Output.WriteLine(JsonSerializer.Serialize(doc.RootElement, Indented));
            }

            return 0;
        }));
        return command;
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
