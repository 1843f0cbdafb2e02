using Concord.Cli;

return await CliApp.RunAsync(args);
