using System.CommandLine;
using Concord.Server.Admin;
using Concord.Storage.Audit;

namespace Concord.Cli.Audit;

/// <summary><c>concord audit verify</c>: checks the audit hash chain end to end.</summary>
internal static class AuditCommands
{
    public static Command Create()
    {
        var command = new Command("audit", "The hash-chained audit log.");
        var verify = new Command("verify", "Check that no audit entry was edited, deleted, inserted or reordered.");
        verify.SetAction(CliRunner.WithStore(async (_, context, cancellationToken) =>
        {
            var (entries, problem) = await AuditVerification.VerifyAsync(context.Store.Audit, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(new AuditVerifyResponse(problem is null, entries, problem), CliJson.Default.AuditVerifyResponse);
            }
            else if (problem is null)
            {
                context.Output.WriteLine($"Audit chain intact: {entries} entries verified.");
            }

            if (problem is not null)
            {
                throw new CliException($"audit chain broken after {entries} intact entries: {problem}");
            }

            return 0;
        }));
        command.Subcommands.Add(verify);
        return command;
    }
}
