using System.CommandLine;
using Concord.Domain.Stix;
using Concord.Storage.Access;

namespace Concord.Cli.Objects;

/// <summary><c>concord release &lt;id&gt;</c>: releases an object to more channels or parties, where TLP and caveats allow.</summary>
internal static class ReleaseCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "STIX id, type--UUID." };
        var actAs = CliOptions.As();
        var purpose = CliOptions.Purpose();
        var release = new ReleaseOptions();
        var command = new Command("release", "Release an object to more channels or parties (originators always may; recipients only where TLP and caveats allow).") { id, actAs, purpose };
        release.AddTo(command, withHandling: false);
        command.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            var actor = await context.ActAsAsync(parse.GetValue(actAs), cancellationToken);
            var stixId = StixId.TryParse(parse.GetValue(id), out var s) ? s : throw new CliException($"'{parse.GetValue(id)}' is not a STIX identifier (type--UUID)");
            var target = release.Release(parse);
            var (outcome, reason) = await new ObjectAccess(context.Store).ReleaseAsync(actor, stixId, target, parse.GetValue(purpose), cancellationToken);
            return outcome switch
            {
                ForwardOutcome.Released => Done(context, $"Released {stixId} to {target}."),
                ForwardOutcome.NotFound => throw new CliException($"{stixId}: not found (no object with this id is available to {actor.Party})"),
                _ => throw new CliException($"{stixId}: release refused: {reason}"),
            };
        }));
        return command;
    }

    private static int Done(CliContext context, string message)
    {
        context.Output.WriteLine(message);
        return 0;
    }
}
