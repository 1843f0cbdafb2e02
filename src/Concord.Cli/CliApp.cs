using System.CommandLine;
using Concord.Cli.Audit;
using Concord.Cli.Deconfliction;
using Concord.Cli.Demo;
using Concord.Cli.Directory;
using Concord.Cli.Hosting;
using Concord.Cli.Objects;

namespace Concord.Cli;

/// <summary>The <c>concord</c> command tree.</summary>
internal static class CliApp
{
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("Concord: exchange counterterrorism intelligence between partner services, each item reaching exactly the partners its originator released it to.")
        {
            CliOptions.Store,
            CliOptions.Json,
        };
        root.Subcommands.Add(InitCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(PartyCommands.Create());
        root.Subcommands.Add(ChannelCommands.Create());
        root.Subcommands.Add(MemberCommands.Create());
        root.Subcommands.Add(KeyCommands.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(GetCommand.Create());
        root.Subcommands.Add(ReleaseCommand.Create());
        root.Subcommands.Add(AuditCommands.Create());
        root.Subcommands.Add(OpsCommands.Create());
        root.Subcommands.Add(Federation.FederationCommands.Node());
        root.Subcommands.Add(Federation.FederationCommands.Peer());
        root.Subcommands.Add(Federation.FederationCommands.Sync());
        root.Subcommands.Add(Federation.FederationCommands.Withdraw());
        return root;
    }

    /// <summary>Runs a command line in-process with the given writers (as tests do) and returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null) =>
        CliRunner.RunAsync(CreateRoot(), args, output, error);
}
