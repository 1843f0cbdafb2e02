using Concord.Domain.Releasability;
using Concord.Server.Taxii;

namespace Concord.Server.Tests.Federation;

/// <summary>Status resources are kept in memory: what is kept must stay bounded however large the POSTs are.</summary>
public sealed class TaxiiStatusesTests
{
    private static readonly PartyId Party = PartyId.Parse("ru-fsb");

    private static TaxiiStatus Status(int objects) => new(
        Guid.NewGuid().ToString(), Party, DateTimeOffset.UtcNow,
        Enumerable.Range(0, objects).Select(i => ($"indicator--{Guid.NewGuid()}", (string?)"2026-12-04T00:00:00.000Z")).ToList(),
        []);

    [Fact]
    public void Large_statuses_are_dropped_oldest_first_once_they_list_more_than_200000_objects_between_them()
    {
        var statuses = new TaxiiStatuses();
        var added = Enumerable.Range(0, 25).Select(_ => Status(10_000)).ToList();
        foreach (var status in added)
        {
            statuses.Add(status);
        }

        var kept = added.Where(s => statuses.Find(s.Id, Party) is not null).ToList();
        Assert.Equal(20, kept.Count);
        Assert.Equal(added.TakeLast(20).Select(s => s.Id), kept.Select(s => s.Id));
    }

    [Fact]
    public void Small_statuses_are_kept_up_to_1000_and_the_newest_is_kept_whatever_its_size()
    {
        var statuses = new TaxiiStatuses();
        var added = Enumerable.Range(0, 1_001).Select(_ => Status(1)).ToList();
        foreach (var status in added)
        {
            statuses.Add(status);
        }

        Assert.Null(statuses.Find(added[0].Id, Party));
        Assert.NotNull(statuses.Find(added[1].Id, Party));
        var huge = Status(250_000);
        statuses.Add(huge);
        Assert.NotNull(statuses.Find(huge.Id, Party));
        Assert.Null(statuses.Find(added[^1].Id, Party));
        Assert.Null(statuses.Find(huge.Id, PartyId.Parse("pk-isi")));
    }
}
