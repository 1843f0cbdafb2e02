using System.CommandLine;
using Concord.Domain.Directory;
using Concord.Domain.Releasability;
using Concord.Server.Directory;
using Concord.Storage.Access;

namespace Concord.Cli.Directory;

/// <summary><c>concord member add|list</c>.</summary>
internal static class MemberCommands
{
    public static Command Create()
    {
        var command = new Command("member", "Members: people and system accounts of a party.");
        var id = new Argument<string>("id") { Description = "Member id, name@party (e.g. analyst@ru-fsb); name@node for node administrators." };
        var role = new Option<MemberRole>("--role") { Description = "Analyst, Liaison, DutyOfficer, Secretariat, Reader or Administrator.", DefaultValueFactory = _ => MemberRole.Analyst };
        var display = new Option<string?>("--display") { Description = "Display name." };
        var add = new Command("add", "Add a member.") { id, role, display };
        add.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            var memberId = MemberId.TryParse(parse.GetValue(id), out var m) ? m : throw new CliException($"'{parse.GetValue(id)}' is not a member id (name@party)");
            var member = await new DirectoryAdmin(context.Store).AddMemberAsync(CliContext.Operator, memberId, parse.GetValue(display) ?? memberId.Name, parse.GetValue(role), cancellationToken);
            Print(context, [member]);
            return 0;
        }));
        var party = new Option<string?>("--party") { Description = "Only members of this party." };
        var list = new Command("list", "List members.") { party };
        list.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            PartyId? filter = parse.GetValue(party) is { } text ? (PartyId.TryParse(text, out var p) ? p : throw new CliException($"--party: '{text}' is not a party id")) : null;
            Print(context, await context.Store.Directory.ListMembersAsync(filter, cancellationToken));
            return 0;
        }));
        command.Subcommands.Add(add);
        command.Subcommands.Add(list);
        return command;
    }

    private static void Print(CliContext context, IReadOnlyList<Member> members)
    {
        var views = members.Select(m => new MemberView(m.Id.ToString(), m.DisplayName, m.Role.ToString(), m.Disabled)).ToList();
        if (context.Json)
        {
            context.WriteJson<IReadOnlyList<MemberView>>(views, CliJson.Default.IReadOnlyListMemberView);
            return;
        }

        context.WriteTable(["id", "name", "role", "disabled"], views.Select(v => new[] { v.Id, v.DisplayName, v.Role, v.Disabled ? "yes" : "no" }));
    }
}
