using System.CommandLine;
using System.Globalization;
using Concord.Domain.Deconfliction;
using Concord.Storage.Deconfliction;

namespace Concord.Cli.Deconfliction;

/// <summary>
/// <c>concord ops register|amend|cancel|complete|list|history|conflicts|ack|escalate|resolve</c>: operational
/// deconfliction acting as a member (<c>--as name@party</c>), through the same doors as the HTTP API.
/// </summary>
internal static class OpsCommands
{
    public static Command Create()
    {
        var command = new Command("ops", "Operational deconfliction: register planned operations; conflicts tell each side only the overlap, a coarse area and whom to call.");
        command.Subcommands.Add(Register());
        command.Subcommands.Add(Amend());
        command.Subcommands.Add(Change("cancel", "Cancel one of your party's operations; its open conflicts are resolved.", (a, actor, id, ct) => a.CancelAsync(actor, id, ct)));
        command.Subcommands.Add(Change("complete", "Mark one of your party's operations completed.", (a, actor, id, ct) => a.CompleteAsync(actor, id, ct)));
        command.Subcommands.Add(List());
        command.Subcommands.Add(History());
        command.Subcommands.Add(Conflicts());
        command.Subcommands.Add(Act("ack", "Acknowledge a conflict notice (it stays open until both sides have).", NoticeAction.Acknowledge));
        command.Subcommands.Add(Act("escalate", "Escalate a conflict.", NoticeAction.Escalate));
        command.Subcommands.Add(Act("resolve", "Resolve a conflict: --how moved|shortened|cancelled|other.", NoticeAction.Resolve));
        return command;
    }

    private static Command Register()
    {
        var actAs = CliOptions.As();
        var input = new OpsInput();
        var command = new Command("register", "Register a planned operation; prints it and your notices of any conflicts found.") { actAs };
        input.AddTo(command);
        command.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            var actor = await context.ActAsAsync(parse.GetValue(actAs), cancellationToken);
            var body = await input.ToJsonAsync(parse, actor.Member.ToString(), cancellationToken);
            var outcome = await new OperationAccess(context.Store).RegisterAsync(actor, body, cancellationToken);
            return Print(context, outcome, "Registered");
        }));
        return command;
    }

    private static Command Amend()
    {
        var actAs = CliOptions.As();
        var id = new Argument<string>("id") { Description = "The operation, op--UUID." };
        var input = new OpsInput();
        var command = new Command("amend", "Amend one of your party's operations: the options given replace the current values.") { id, actAs };
        input.AddTo(command);
        command.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            var actor = await context.ActAsAsync(parse.GetValue(actAs), cancellationToken);
            var body = await input.ToJsonAsync(parse, null, cancellationToken);
            var outcome = await new OperationAccess(context.Store).AmendAsync(actor, ParseId(parse.GetValue(id)), body, cancellationToken);
            return Print(context, outcome, "Amended");
        }));
        return command;
    }

    private static Command Change(string name, string description, Func<OperationAccess, Storage.Access.Actor, OperationId, CancellationToken, Task<OperationOutcome>> change)
    {
        var actAs = CliOptions.As();
        var id = new Argument<string>("id") { Description = "The operation, op--UUID." };
        var command = new Command(name, description) { id, actAs };
        command.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            var actor = await context.ActAsAsync(parse.GetValue(actAs), cancellationToken);
            var outcome = await change(new OperationAccess(context.Store), actor, ParseId(parse.GetValue(id)), cancellationToken);
            return Print(context, outcome, name == "cancel" ? "Cancelled" : "Completed");
        }));
        return command;
    }

    private static Command List()
    {
        var actAs = CliOptions.As();
        var command = new Command("list", "List your party's operations (latest version of each).") { actAs };
        command.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            var actor = await context.ActAsAsync(parse.GetValue(actAs), cancellationToken);
            PrintOperations(context, await new OperationAccess(context.Store).ListAsync(actor, cancellationToken));
            return 0;
        }));
        return command;
    }

    private static Command History()
    {
        var actAs = CliOptions.As();
        var id = new Argument<string>("id") { Description = "The operation, op--UUID." };
        var command = new Command("history", "Every version of one of your party's operations.") { id, actAs };
        command.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            var actor = await context.ActAsAsync(parse.GetValue(actAs), cancellationToken);
            var operation = ParseId(parse.GetValue(id));
            var versions = await new OperationAccess(context.Store).HistoryAsync(actor, operation, cancellationToken);
            if (versions.Count == 0)
            {
                throw new CliException($"{operation}: not found (no operation with this id belongs to {actor.Party})");
            }

            PrintOperations(context, versions);
            return 0;
        }));
        return command;
    }

    private static Command Conflicts()
    {
        var actAs = CliOptions.As();
        var open = new Option<bool>("--open") { Description = "Only conflicts still needing attention." };
        var command = new Command("conflicts", "Your party's conflict notices, newest first.") { actAs, open };
        command.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            var actor = await context.ActAsAsync(parse.GetValue(actAs), cancellationToken);
            PrintNotices(context, await new NoticeAccess(context.Store).ListAsync(actor, parse.GetValue(open), cancellationToken));
            return 0;
        }));
        return command;
    }

    private static Command Act(string name, string description, NoticeAction action)
    {
        var actAs = CliOptions.As();
        var id = new Argument<string>("conflict-id") { Description = "The conflict, conflict--UUID." };
        var how = new Option<string>("--how") { Description = "moved, shortened, cancelled or other." };
        var command = new Command(name, description) { id, actAs };
        if (action == NoticeAction.Resolve)
        {
            command.Options.Add(how);
        }

        command.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            var actor = await context.ActAsAsync(parse.GetValue(actAs), cancellationToken);
            var (kind, notice, reason) = await new NoticeAccess(context.Store).ActAsync(actor, parse.GetValue(id)!, action, parse.GetValue(how), cancellationToken);
            if (kind != OperationOutcomeKind.Done)
            {
                throw new CliException($"{parse.GetValue(id)}: {reason}");
            }

            PrintNotices(context, [notice!]);
            return 0;
        }));
        return command;
    }

    private static OperationId ParseId(string? text) =>
        OperationId.TryParse(text, out var id) ? id : throw new CliException($"'{text}' is not an operation id (op--UUID)");

    private static int Print(CliContext context, OperationOutcome outcome, string verb)
    {
        if (outcome.Result is not { } result)
        {
            throw new CliException(outcome.Kind switch
            {
                OperationOutcomeKind.NotFound => "not found (no operation with this id belongs to your party)",
                _ => string.Join("; ", outcome.Errors.Select(e => e.ToString())),
            });
        }

        if (context.Json)
        {
            context.WriteJson(result, CliJson.Default.OperationResult);
            return 0;
        }

        var op = result.Operation;
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{verb} {op.Id} (version {op.Version}, {op.Status}); {result.Notices.Count} conflict notice(s)."));
        if (result.Notices.Count > 0)
        {
            PrintNotices(context, result.Notices);
        }

        return 0;
    }

    private static void PrintOperations(CliContext context, IReadOnlyList<OperationView> operations)
    {
        if (context.Json)
        {
            context.WriteJson(operations, CliJson.Default.IReadOnlyListOperationView);
            return;
        }

        context.WriteTable(
            ["operation", "version", "status", "kind", "start", "end", "reference"],
            operations.Select(o => new[]
            {
                o.Id, o.Version.ToString(CultureInfo.InvariantCulture), o.Status, o.Plan.GetProperty("kind").GetString(),
                o.Plan.GetProperty("start").GetString(), o.Plan.GetProperty("end").GetString(),
                o.Plan.TryGetProperty("reference", out var r) ? r.GetString() : null,
            }));
    }

    private static void PrintNotices(CliContext context, IReadOnlyList<NoticeView> notices)
    {
        if (context.Json)
        {
            context.WriteJson(notices, CliJson.Default.IReadOnlyListNoticeView);
            return;
        }

        context.WriteTable(
            ["conflict", "state", "your operation", "overlap (UTC)", "area [W,S,E,N]", "call", "acknowledged (you/them)"],
            notices.Select(n => new[]
            {
                n.ConflictId, n.State + (n.Resolution is null ? string.Empty : $": {n.Resolution}"), n.Operation,
                $"{OpsInput.Format(n.From)} – {OpsInput.Format(n.Until)}",
                "[" + string.Join(", ", n.Area.Select(x => x.ToString(CultureInfo.InvariantCulture))) + "]",
                string.Join(" / ", new[] { n.Contact.Name, n.Contact.Phone, n.Contact.Radio, n.Contact.Email }.Where(x => !string.IsNullOrEmpty(x)))
                    + (n.CounterpartParty is null ? string.Empty : $" ({n.CounterpartParty}{(n.CounterpartKind is null ? string.Empty : ", " + n.CounterpartKind)})")
                    + (n.Internal ? $" (internal: {n.CounterpartOperation})" : string.Empty),
                $"{(n.AcknowledgedByYou ? "yes" : "no")}/{(n.AcknowledgedByCounterpart ? "yes" : "no")}",
            }));
    }
}
