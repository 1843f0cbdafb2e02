namespace Concord.Cli.Tests.Regressions;

/// <summary>
/// A <c>--store</c> that was not a SQLite database crashed the CLI with an unhandled SqliteException and its
/// stack trace (exit code 134). It must be one line naming <c>--store</c>, exit code 1.
/// </summary>
public sealed class Issue_store_not_a_database
{
    [Fact]
    public async Task A_store_file_that_is_not_a_database_is_refused_with_one_line()
    {
        using var node = TestNode.Create();
        File.WriteAllText(node.Store, "this is a text file, not a SQLite database\n");

        var result = await node.RunAsync("party", "list");

        var line = result.AssertOneErrorLine("--store");
        Assert.Contains(node.Store, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
