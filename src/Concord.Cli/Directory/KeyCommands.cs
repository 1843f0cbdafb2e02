using System.CommandLine;
using Concord.Domain.Directory;
using Concord.Server.Admin;
using Concord.Storage.Access;

namespace Concord.Cli.Directory;

/// <summary><c>concord key create|revoke|list</c>.</summary>
internal static class KeyCommands
{
    public static Command Create()
    {
        var command = new Command("key", "API keys: stored only as hashes; a key's token is shown once, when made.");
        var member = new Argument<string>("member") { Description = "Member id, name@party." };
        var create = new Command("create", "Make an API key for a member and print it (once).") { member };
        create.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            var id = ParseMember(parse.GetValue(member));
            var token = await new DirectoryAdmin(context.Store).CreateKeyAsync(CliContext.Operator, id, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(new NewKeyResponse(id.ToString(), token.KeyId, token.Token), CliJson.Default.NewKeyResponse);
            }
            else
            {
                context.Output.WriteLine($"API key for {id} (key id {token.KeyId}; shown once): {token.Token}");
            }

            return 0;
        }));
        var keyId = new Argument<string>("key-id") { Description = "The key's public id (16 hex digits)." };
        var revoke = new Command("revoke", "Revoke an API key.") { keyId };
        revoke.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            if (!await new DirectoryAdmin(context.Store).RevokeKeyAsync(CliContext.Operator, parse.GetValue(keyId)!, cancellationToken))
            {
                throw new CliException($"no valid key '{parse.GetValue(keyId)}'");
            }

            context.Output.WriteLine($"Revoked key {parse.GetValue(keyId)}.");
            return 0;
        }));
        var list = new Command("list", "List a member's keys (ids and dates, never tokens).") { member };
        list.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            var keys = await context.Store.Directory.ListKeysAsync(ParseMember(parse.GetValue(member)), cancellationToken);
            var entries = keys.Select(k => new KeyListEntry(k.KeyId, k.Member.ToString(), k.Created, k.Revoked)).ToList();
            if (context.Json)
            {
                context.WriteJson<IReadOnlyList<KeyListEntry>>(entries, CliJson.Default.IReadOnlyListKeyListEntry);
            }
            else
            {
                context.WriteTable(["key id", "member", "created", "revoked"], entries.Select(e => new[] { e.KeyId, e.Member, e.Created.ToString("u"), e.Revoked?.ToString("u") }));
            }

            return 0;
        }));
        command.Subcommands.Add(create);
        command.Subcommands.Add(revoke);
        command.Subcommands.Add(list);
        return command;
    }

    private static MemberId ParseMember(string? text) =>
        MemberId.TryParse(text, out var m) ? m : throw new CliException($"'{text}' is not a member id (name@party)");
}
