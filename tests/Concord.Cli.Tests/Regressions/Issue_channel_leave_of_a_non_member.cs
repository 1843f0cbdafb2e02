namespace Concord.Cli.Tests.Regressions;

/// <summary>
/// <c>concord channel leave us-ru-wg us-fbl</c> (a typo for us-fbi) exited 0 and printed the unchanged
/// membership, so the operator believed a party had left a channel while it kept receiving everything
/// released to it. Leaving for a party that is not a member, or from a channel that does not exist, is bad
/// input: exit code 1, one line naming it, and nothing audited as a leave.
/// </summary>
public sealed class Issue_channel_leave_of_a_non_member
{
    [Theory]
    [InlineData("us-fbl")]
    [InlineData("pk-isi")]
    public async Task Leaving_a_channel_the_party_is_not_in_is_refused(string party)
    {
        using var node = await TestNode.CreateWithPartiesAsync();

        var result = await node.RunAsync("channel", "leave", "us-ru-wg", party);

        result.AssertOneErrorLine($"'{party}'");
        var audit = (await node.OkAsync("audit", "verify", "--json")).Json();
        Assert.True(audit.GetProperty("intact").GetBoolean());
        await AssertNoLeaveAuditedAsync(node);
    }

    [Fact]
    public async Task Leaving_a_channel_that_does_not_exist_is_refused_before_anything_is_audited()
    {
        using var node = await TestNode.CreateWithPartiesAsync();

        var result = await node.RunAsync("channel", "leave", "no-such-wg", "ru-fsb");

        result.AssertOneErrorLine("'no-such-wg'");
        await AssertNoLeaveAuditedAsync(node);
    }

    [Fact]
    public async Task A_member_still_leaves_as_before()
    {
        using var node = await TestNode.CreateWithPartiesAsync();

        var left = (await node.OkAsync("channel", "leave", "us-ru-wg", "us-fbi", "--json")).Json();

        Assert.Equal(["ru-fsb"], left[0].GetProperty("members").EnumerateArray().Select(m => m.GetString()!).ToList());
    }

    private static async Task AssertNoLeaveAuditedAsync(TestNode node)
    {
        await using var store = new Concord.Storage.Sqlite.SqliteStore(node.Store);
        await foreach (var (entry, _) in store.Audit.ReadAllAsync(CancellationToken.None))
        {
            Assert.NotEqual("channel.leave", entry.Action);
        }
    }
}
