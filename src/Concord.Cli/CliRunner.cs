using System.CommandLine;
using System.CommandLine.Invocation;
using Concord.Storage.Directory;

namespace Concord.Cli;

/// <summary>Runs a command line: expected failures become one line on stderr and exit code 1.</summary>
internal static class CliRunner
{
    public static async Task<int> RunAsync(RootCommand root, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var config = new InvocationConfiguration { Output = output ?? Console.Out, Error = error ?? Console.Error, EnableDefaultExceptionHandler = false };
        Current.Value = config;
        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            // System.CommandLine would print each error (some over several lines) and then the help; bad input gets one line.
            var errors = parse.Errors.Select(e => string.Join(' ', e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
            await config.Error.WriteLineAsync($"concord: {string.Join("; ", errors)}");
            return 1;
        }

        try
        {
            return await parse.InvokeAsync(config);
        }
        catch (Exception ex) when (ex is CliException or DirectoryConflictException or FormatException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            await config.Error.WriteLineAsync($"concord: {ex.Message}");
            return 1;
        }
    }

    /// <summary>The output and error writers of the command line being run (per async flow, so tests can run several).</summary>
    public static readonly AsyncLocal<InvocationConfiguration?> Current = new();

    /// <summary>Standard input for commands that read '-' (set by tests; null means the console).</summary>
    public static readonly AsyncLocal<TextReader?> Input = new();

    /// <summary>Wraps an action so that it opens the store and disposes it afterwards.</summary>
    public static Func<ParseResult, CancellationToken, Task<int>> WithStore(Func<ParseResult, CliContext, CancellationToken, Task<int>> action) =>
        async (parse, cancellationToken) =>
        {
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            return await action(parse, context, cancellationToken);
        };
}
