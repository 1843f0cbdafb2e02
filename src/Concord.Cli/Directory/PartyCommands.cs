using System.CommandLine;
using Concord.Domain.Directory;
using Concord.Domain.Federation;
using Concord.Domain.Releasability;
using Concord.Server.Directory;
using Concord.Storage.Access;

namespace Concord.Cli.Directory;

/// <summary><c>concord party add|list</c>.</summary>
internal static class PartyCommands
{
    public static Command Create()
    {
        var command = new Command("party", "Parties hosted on this node (state services, organisations, institutes).");
        var id = new Argument<string>("id") { Description = "Party id: 2-64 of a-z, 0-9 and '-', e.g. ru-fsb." };
        var name = new Option<string>("--name") { Description = "Full name.", Required = true };
        var country = new Option<string?>("--country") { Description = "ISO 3166-1 alpha-2 country code, e.g. RU." };
        var kind = new Option<PartyKind>("--kind") { Description = "StateService, InternationalOrganisation or Institute.", DefaultValueFactory = _ => PartyKind.StateService };
        var node = new Option<string?>("--node") { Description = "For a partner's party known here for federation: the id of the node that hosts it (its versions must carry that node's signature)." };
        var add = new Command("add", "Add a party.") { id, name, country, kind, node };
        add.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            var partyId = PartyId.TryParse(parse.GetValue(id), out var p) ? p : throw new CliException($"id: '{parse.GetValue(id)}' is not a party id (2-64 of a-z, 0-9 and '-')");
            var countryCode = parse.GetValue(country);
            if (countryCode is not null && (countryCode.Length != 2 || !countryCode.All(char.IsAsciiLetterUpper)))
            {
                throw new CliException($"--country: '{countryCode}' is not an ISO 3166-1 alpha-2 code such as RU");
            }

            NodeId? host = null;
            if (parse.GetValue(node) is { } nodeText)
            {
                host = NodeId.TryParse(nodeText, out var n) ? n : throw new CliException($"--node: '{nodeText}' is not a node id (2-64 of a-z, 0-9 and '-')");
                var self = await context.Store.Federation.GetIdentityAsync(cancellationToken);
                if (self?.Node == n)
                {
                    throw new CliException($"--node: '{nodeText}' is this node; leave --node out for a party hosted here");
                }
            }

            var party = await new DirectoryAdmin(context.Store).AddPartyAsync(CliContext.Operator, partyId, parse.GetValue(name)!, countryCode, parse.GetValue(kind), null, cancellationToken, host);
            Print(context, [party]);
            return 0;
        }));
        var list = new Command("list", "List the parties.");
        list.SetAction(CliRunner.WithStore(async (_, context, cancellationToken) =>
        {
            Print(context, await context.Store.Directory.ListPartiesAsync(cancellationToken));
            return 0;
        }));
        command.Subcommands.Add(add);
        command.Subcommands.Add(list);
        return command;
    }

    private static void Print(CliContext context, IReadOnlyList<Party> parties)
    {
        var views = parties.Select(p => new PartyView(p.Id.Value, p.Name, p.Country, p.Kind.ToString(), p.IdentityId.ToString(), p.Node?.Value)).ToList();
        if (context.Json)
        {
            context.WriteJson<IReadOnlyList<PartyView>>(views, CliJson.Default.IReadOnlyListPartyView);
            return;
        }

        context.WriteTable(["id", "name", "country", "kind", "STIX identity", "node"], views.Select(v => new[] { v.Id, v.Name, v.Country, v.Kind, v.Identity, v.Node ?? "this node" }));
    }
}
