using System.CommandLine;
using Concord.Domain.Directory;
using Concord.Storage.Access;

namespace Concord.Cli.Hosting;

/// <summary><c>concord init</c>: creates or upgrades the store and makes the first node administrator with a key.</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var command = new Command("init", "Create (or upgrade) the node's store and a node administrator, admin@node, with an API key.");
        command.SetAction(CliRunner.WithStore(async (_, context, cancellationToken) =>
        {
            var admin = MemberId.Parse("admin@node");
            var directory = new DirectoryAdmin(context.Store);
            if (await context.Store.Directory.GetMemberAsync(admin, cancellationToken) is not null)
            {
                if (context.Json)
                {
                    context.WriteJson(new InitResponse(context.Store.Description, Created: false, admin.ToString(), KeyId: null, Token: null), CliJson.Default.InitResponse);
                    return 0;
                }

                context.Output.WriteLine($"The store at {context.Store.Description} is up to date; {admin} already exists (make another key with 'concord key create {admin}').");
                return 0;
            }

            await directory.AddMemberAsync(CliContext.Operator, admin, "Node administrator", MemberRole.Administrator, cancellationToken);
            var token = await directory.CreateKeyAsync(CliContext.Operator, admin, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(new InitResponse(context.Store.Description, Created: true, admin.ToString(), token.KeyId, token.Token), CliJson.Default.InitResponse);
            }
            else
            {
                context.Output.WriteLine($"Created the store at {context.Store.Description}.");
                context.Output.WriteLine($"Node administrator {admin}, API key (shown once): {token.Token}");
            }

            return 0;
        }));
        return command;
    }
}

/// <summary>What <c>concord init --json</c> prints: the store, whether this run made the administrator, and its key (first run only).</summary>
internal sealed record InitResponse(string Store, bool Created, string Member, string? KeyId, string? Token);
