using System.Text.Json;

namespace Concord.Cli.Tests;

/// <summary>What one run of the command line did: its exit code and everything it wrote.</summary>
internal sealed record CliResult(IReadOnlyList<string> Args, int ExitCode, string Output, string Error)
{
    public string CommandLine => "concord " + string.Join(' ', Args);

    /// <summary>Standard output parsed as JSON.</summary>
    public JsonElement Json()
    {
        using var doc = JsonDocument.Parse(Output);
        return doc.RootElement.Clone();
    }

    /// <summary>
    /// Asserts the run failed as bad input must: exit code 1 and exactly one line on stderr, which mentions
    /// <paramref name="mustMention"/>. Returns that line.
    /// </summary>
    public string AssertOneErrorLine(string mustMention)
    {
        Assert.True(ExitCode == 1, $"{CommandLine} exited {ExitCode}, expected 1; stderr: {Error}");
        Assert.True(Error.Length > 0 && Error.IndexOf('\n', StringComparison.Ordinal) == Error.Length - 1, $"{CommandLine} must write exactly one line to stderr, wrote: [{Error}]");
        var line = Error.TrimEnd('\n');
        Assert.StartsWith("concord: ", line, StringComparison.Ordinal);
        Assert.Contains(mustMention, line, StringComparison.Ordinal);
        return line;
    }
}
