using System.CommandLine;
using Concord.Domain.Audit;
using Concord.Server.Admin;
using Concord.Storage.Audit;

namespace Concord.Cli.Audit;

/// <summary><c>concord audit verify</c>: checks the audit hash chain end to end, and against an anchor kept elsewhere.</summary>
internal static class AuditCommands
{
    public static Command Create()
    {
        var command = new Command("audit", "The hash-chained audit log.");
        var anchorOption = new Option<string?>("--anchor")
        {
            Description = "A head printed by an earlier run (sequence:hash), kept outside the node: also checks that the chain still passes through it, so entries cut off its end are noticed.",
        };
        var verify = new Command("verify", "Check that no audit entry was edited, deleted, inserted or reordered.") { anchorOption };
        verify.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            AuditAnchor? anchor = null;
            if (parse.GetValue(anchorOption) is { } text)
            {
                anchor = AuditAnchor.TryParse(text, out var parsed, out var error) ? parsed : throw new CliException($"--anchor: {error}");
            }

            var (entries, head, problem) = await AuditVerification.VerifyAsync(context.Store.Audit, anchor, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(new AuditVerifyResponse(problem is null, entries, head?.ToString(), problem), CliJson.Default.AuditVerifyResponse);
            }
            else if (problem is null)
            {
                var through = anchor is { } a ? $", passing through the anchor at entry {a.Sequence}" : string.Empty;
                context.Output.WriteLine($"Audit chain intact: {entries} entries verified{through}.");
                if (head is { } h)
                {
                    context.Output.WriteLine($"Head: {h} (keep it outside the node; 'concord audit verify --anchor {h}' later notices entries removed from the end)");
                }
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
