using System.CommandLine;
using Concord.Domain.Releasability;
using Concord.Server.Directory;
using Concord.Storage.Access;

namespace Concord.Cli.Directory;

/// <summary><c>concord channel add|join|leave|list</c>.</summary>
internal static class ChannelCommands
{
    public static Command Create()
    {
        var command = new Command("channel", "Channels: sharing groups of parties (a working group, a conference).");
        var id = new Argument<string>("id") { Description = "Channel id: 2-64 of a-z, 0-9 and '-', e.g. us-ru-wg." };
        var name = new Option<string>("--name") { Description = "Full name.", Required = true };
        var description = new Option<string?>("--description") { Description = "What the channel is for." };
        var members = new Option<string[]>("--member") { Description = "A member party (repeat for several).", AllowMultipleArgumentsPerToken = true };
        var add = new Command("add", "Add a channel with its member parties.") { id, name, description, members };
        add.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            var channelId = ParseChannel(parse.GetValue(id));
            var parties = (parse.GetValue(members) ?? []).Select(ParseParty).ToList();
            await new DirectoryAdmin(context.Store).AddChannelAsync(CliContext.Operator, channelId, parse.GetValue(name)!, parse.GetValue(description), parties, cancellationToken);
            await PrintAsync(context, [channelId], cancellationToken);
            return 0;
        }));

        var channelArg = new Argument<string>("channel") { Description = "Channel id." };
        var partyArg = new Argument<string>("party") { Description = "Party id." };
        var join = new Command("join", "Make a party a member of a channel.") { channelArg, partyArg };
        join.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            await new DirectoryAdmin(context.Store).JoinChannelAsync(CliContext.Operator, ParseChannel(parse.GetValue(channelArg)), ParseParty(parse.GetValue(partyArg)), cancellationToken);
            await PrintAsync(context, [ParseChannel(parse.GetValue(channelArg))], cancellationToken);
            return 0;
        }));
        var leave = new Command("leave", "Remove a party from a channel.") { channelArg, partyArg };
        leave.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            var channel = ParseChannel(parse.GetValue(channelArg));
            var party = ParseParty(parse.GetValue(partyArg));
            if (await context.Store.Directory.GetChannelAsync(channel, cancellationToken) is null)
            {
                throw new CliException($"channel '{channel}' does not exist");
            }

            // A mistyped party would otherwise "leave" silently while the intended one keeps receiving the channel's releases.
            if (!(await context.Store.Directory.ListChannelMembersAsync(channel, cancellationToken)).Contains(party))
            {
                throw new CliException($"party '{party}' is not a member of channel '{channel}'");
            }

            await new DirectoryAdmin(context.Store).LeaveChannelAsync(CliContext.Operator, channel, party, cancellationToken);
            await PrintAsync(context, [channel], cancellationToken);
            return 0;
        }));
        var list = new Command("list", "List every channel with its members (node administration).");
        list.SetAction(CliRunner.WithStore(async (_, context, cancellationToken) =>
        {
            var channels = await context.Store.Directory.ListChannelsAsync(cancellationToken);
            await PrintAsync(context, channels.Select(c => c.Id), cancellationToken);
            return 0;
        }));
        command.Subcommands.Add(add);
        command.Subcommands.Add(join);
        command.Subcommands.Add(leave);
        command.Subcommands.Add(list);
        return command;
    }

    private static ChannelId ParseChannel(string? text) =>
        ChannelId.TryParse(text, out var c) ? c : throw new CliException($"'{text}' is not a channel id (2-64 of a-z, 0-9 and '-')");

    private static PartyId ParseParty(string? text) =>
        PartyId.TryParse(text, out var p) ? p : throw new CliException($"'{text}' is not a party id (2-64 of a-z, 0-9 and '-')");

    private static async Task PrintAsync(CliContext context, IEnumerable<ChannelId> ids, CancellationToken cancellationToken)
    {
        var views = new List<ChannelView>();
        foreach (var id in ids)
        {
            var channel = await context.Store.Directory.GetChannelAsync(id, cancellationToken) ?? throw new CliException($"channel '{id}' does not exist");
            var members = await context.Store.Directory.ListChannelMembersAsync(id, cancellationToken);
            views.Add(new ChannelView(id.Value, channel.Name, channel.Description, members.Select(m => m.Value).ToList()));
        }

        if (context.Json)
        {
            context.WriteJson<IReadOnlyList<ChannelView>>(views, CliJson.Default.IReadOnlyListChannelView);
            return;
        }

        context.WriteTable(["id", "name", "members"], views.Select(v => new[] { v.Id, v.Name, string.Join(", ", v.Members) }));
    }
}
