using Concord.Domain.Directory;
using Concord.Domain.Stix;
using Concord.Storage.Inbox;
using Concord.Storage.Tests.Backends;

namespace Concord.Storage.Tests.Inbox;

/// <summary>What every backend must do with a member's inbox read marks.</summary>
public abstract class ReadMarkContractTests(StoreFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private IReadMarkStore Marks => fixture.Shared.Store.ReadMarks;

    [ContractFact]
    public async Task A_marked_version_is_read_for_that_member_only_and_a_newer_version_is_not()
    {
        var member = MemberId.Parse($"analyst@ru-{Guid.NewGuid():N}"[..30]);
        var other = MemberId.Parse($"liaison@{member.Party}");
        var id = StixId.New("report");
        var v1 = new ObjectVersionKey(id, 10);
        var v2 = new ObjectVersionKey(id, 20);

        await Marks.MarkAsync(member, [v1, v1], None);
        await Marks.MarkAsync(member, [v1], None);

        var mine = await Marks.GetAsync(member, [v1, v2], None);
        Assert.Equal([v1], mine.Read);
        Assert.Null(mine.AllReadUpTo);
        Assert.Empty((await Marks.GetAsync(other, [v1, v2], None)).Read);
    }

    [ContractFact]
    public async Task Marking_everything_read_covers_what_was_stored_until_then()
    {
        var member = MemberId.Parse($"analyst@us-{Guid.NewGuid():N}"[..30]);
        var at = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
        var version = new ObjectVersionKey(StixId.New("report"), 1);

        await Marks.MarkAllAsync(member, at.AddDays(-1), None);
        await Marks.MarkAllAsync(member, at, None);
        var marks = await Marks.GetAsync(member, [version], None);

        Assert.Equal(at, marks.AllReadUpTo);
        Assert.True(marks.IsRead(version, at));
        Assert.False(marks.IsRead(version, at.AddTicks(1)));
    }
}
