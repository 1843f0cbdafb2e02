using Concord.Domain.Stix;
using Concord.Storage.Objects;
using Concord.Storage.Tests.Backends;
using Concord.Storage.Tests.Support;

namespace Concord.Storage.Tests.Objects;

/// <summary>
/// The filters the web workspace relies on — newest first, received only, TLP, modified before, and the
/// relationships that point at an object — on every backend. Each narrows what the reader may read, never widens it.
/// </summary>
public abstract class InboxQueryContractTests(StoreFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private IObjectStore Objects => fixture.Shared.Store.Objects;

    [ContractFact]
    public async Task Newest_first_pages_backwards_through_store_order_without_gaps()
    {
        var world = new TestWorld(fixture.Shared.Store);
        var ru = await world.PartyAsync("ru");
        var objects = Enumerable.Range(0, 13).Select(i => TestObject.ThreatActor(1, $"actor {i}")).ToList();
        await world.ImportAsync(ru, objects, batchSize: 4);
        var reader = await world.ReaderAsync(ru);

        var listed = await Listing.AllPagesAsync(Objects, reader, new ObjectQuery { NewestFirst = true, Limit = 5 });

        Assert.Equal(objects.Select(o => o.Id).Reverse(), listed.Select(v => v.Id));
        Assert.Equal(listed.Select(v => v.Pk).OrderDescending(), listed.Select(v => v.Pk));
    }

    [ContractFact]
    public async Task Received_only_drops_the_readers_own_objects()
    {
        var world = new TestWorld(fixture.Shared.Store);
        var ru = await world.PartyAsync("ru");
        var us = await world.PartyAsync("us");
        var theirs = TestObject.ThreatActor(1, "theirs").ReleasedTo(us);
        var ours = TestObject.ThreatActor(1, "ours");
        var hidden = TestObject.ThreatActor(1, "not released");
        await world.ImportAsync(ru, theirs, hidden);
        await world.ImportAsync(us, ours);
        var reader = await world.ReaderAsync(us);

        Assert.Equal([theirs.Id], (await Objects.ListAsync(reader, new ObjectQuery { ReceivedOnly = true }, None)).Items.Select(v => v.Id));
        Assert.Equal(1, await Objects.CountAsync(reader, new ObjectQuery { ReceivedOnly = true }, None));
    }

    [ContractFact]
    public async Task Tlp_filter_keeps_only_that_level_and_never_unmarked_versions()
    {
        var world = new TestWorld(fixture.Shared.Store);
        var ru = await world.PartyAsync("ru");
        var green = TestObject.ThreatActor(1, "green") with { Tlp = TlpLevel.Green };
        var red = TestObject.ThreatActor(1, "red") with { Tlp = TlpLevel.Red };
        var unmarked = TestObject.ThreatActor(1, "unmarked");
        await world.ImportAsync(ru, green, red, unmarked);
        var reader = await world.ReaderAsync(ru);

        Assert.Equal([green.Id], (await Objects.ListAsync(reader, new ObjectQuery { Tlp = TlpLevel.Green }, None)).Items.Select(v => v.Id));
        Assert.Equal([red.Id], (await Objects.ListAsync(reader, new ObjectQuery { Tlp = TlpLevel.Red }, None)).Items.Select(v => v.Id));
        Assert.Equal(0, await Objects.CountAsync(reader, new ObjectQuery { Tlp = TlpLevel.Amber }, None));
    }

    [ContractFact]
    public async Task Modified_before_filter_looks_at_the_latest_readable_version()
    {
        var world = new TestWorld(fixture.Shared.Store);
        var ru = await world.PartyAsync("ru");
        var early = TestObject.ThreatActor(1, "early");
        var late = TestObject.ThreatActor(5, "late");
        var amended = TestObject.ThreatActor(1, "amended");
        await world.ImportAsync(ru, early, late, amended, amended with { Version = 9 });
        var before = TestObject.Epoch.AddMinutes(3).UtcTicks;

        Assert.Equal([early.Id], (await Objects.ListAsync(await world.ReaderAsync(ru), new ObjectQuery { ModifiedBefore = before }, None)).Items.Select(v => v.Id));
    }

    [ContractFact]
    public async Task References_finds_readable_relationships_at_either_end_and_nothing_else()
    {
        var world = new TestWorld(fixture.Shared.Store);
        var ru = await world.PartyAsync("ru");
        var us = await world.PartyAsync("us");
        var actor = TestObject.ThreatActor(1, "actor").ReleasedTo(us);
        var set = new TestObject(StixId.New("intrusion-set")) { Version = 1, Name = "set" };
        var outgoing = TestObject.Relationship(actor.Id, set.Id).ReleasedTo(us);
        var incoming = TestObject.Relationship(set.Id, actor.Id);
        var elsewhere = TestObject.Relationship(set.Id, StixId.New("location")).ReleasedTo(us);
        var mention = TestObject.ThreatActor(1, "mentions " + actor.Id).ReleasedTo(us);
        await world.ImportAsync(ru, actor, set, outgoing, incoming, elsewhere, mention);

        var asRu = (await Objects.ListAsync(await world.ReaderAsync(ru), new ObjectQuery { References = actor.Id }, None)).Items.Select(v => v.Id).ToHashSet();
        var asUs = (await Objects.ListAsync(await world.ReaderAsync(us), new ObjectQuery { References = actor.Id }, None)).Items.Select(v => v.Id);

        Assert.Equal([outgoing.Id, incoming.Id], asRu);
        Assert.Equal([outgoing.Id], asUs);
    }
}
