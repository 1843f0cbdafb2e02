using System.CommandLine;
using Concord.Cli;
using Concord.Cli.Audit;
using Concord.Cli.Demo;
using Concord.Cli.Directory;
using Concord.Cli.Hosting;
using Concord.Cli.Objects;

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
return await CliRunner.RunAsync(root, args);
