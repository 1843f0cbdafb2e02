namespace Concord.Server.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Project_builds_and_runs() => Assert.Equal(2, 1 + 1);
}
