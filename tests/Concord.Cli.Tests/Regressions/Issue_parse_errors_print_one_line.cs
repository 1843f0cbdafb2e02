namespace Concord.Cli.Tests.Regressions;

/// <summary>
/// Command-line parse errors went through System.CommandLine's own handler: an enum value it could not parse
/// printed the message plus one line per candidate, every error ended with a blank line, and the help was
/// printed to stdout. Bad input must give exit code 1 and one line naming the argument.
/// </summary>
public sealed class Issue_parse_errors_print_one_line
{
    [Theory]
    [InlineData("--kind", "party", "add", "kz-knb", "--name", "KNB", "--kind", "Militia")]
    [InlineData("--role", "member", "add", "chief@ru-fsb", "--role", "General")]
    [InlineData("--name", "party", "add", "kz-knb")]
    [InlineData("--as", "search", "Khorasan")]
    [InlineData("--limit", "search", "--as", "analyst@ru-fsb", "--limit", "many")]
    [InlineData("--bogus", "party", "list", "--bogus")]
    [InlineData("frobnicate", "frobnicate")]
    public async Task A_parse_error_is_one_line_on_stderr_and_no_help_on_stdout(string named, params string[] args)
    {
        using var node = TestNode.Create();

        var result = await node.RunAsync(args);

        result.AssertOneErrorLine(named);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task Help_still_prints_even_when_a_required_option_is_missing()
    {
        using var node = TestNode.Create();

        var result = await node.RunAsync("party", "add", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--name", result.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
    }
}
