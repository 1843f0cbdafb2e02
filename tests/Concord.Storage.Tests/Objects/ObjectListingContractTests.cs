using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Storage.Objects;
using Concord.Storage.Tests.Backends;
using Concord.Storage.Tests.Support;

namespace Concord.Storage.Tests.Objects;

/// <summary>What every backend must do when listing, counting, filtering, searching and exporting objects.</summary>
public abstract class ObjectListingContractTests(StoreFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>The store under test, shared by the class's tests.</summary>
    protected TestStore Shared => fixture.Shared;

    private IConcordStore Store => fixture.Shared.Store;

    private IObjectStore Objects => Store.Objects;

    [ContractFact]
    public async Task Paging_with_the_cursor_returns_every_object_once_without_gaps()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var us = await world.PartyAsync("us");
        var objects = Enumerable.Range(0, 23).Select(i => TestObject.ThreatActor(1, $"actor {i}").ReleasedTo(us)).ToList();
        await world.ImportAsync(ru, objects, batchSize: 6);
        await world.ImportAsync(ru, objects.Where((_, i) => i % 3 == 0).Select(o => o with { Version = 2 }));
        var reader = await world.ReaderAsync(us);

        var listed = await Listing.AllPagesAsync(Objects, reader, new ObjectQuery { Limit = 5 });

        Assert.Equal(objects.Select(o => o.Id).ToHashSet(), listed.Select(v => v.Id).ToHashSet());
        Assert.Equal(objects.Count, listed.Count);
        Assert.Equal(listed.Select(v => v.Pk).Order(), listed.Select(v => v.Pk));
        Assert.All(listed.Where(v => objects.FindIndex(o => o.Id == v.Id) % 3 == 0), v => Assert.Equal(TestObject.Epoch.AddMinutes(2).UtcTicks, v.Version.Ticks));
        Assert.Equal(objects.Count, await Objects.CountAsync(reader, new ObjectQuery(), None));
        Assert.Equal(listed.Select(v => v.Pk), await Objects.ExportAsync(reader, new ObjectQuery(), None).Select(v => v.Pk).ToListAsync());
    }

    [ContractFact]
    public async Task Last_page_has_no_cursor_and_a_full_last_page_is_followed_by_none()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        await world.ImportAsync(ru, Enumerable.Range(0, 4).Select(i => TestObject.ThreatActor(1, $"actor {i}")));
        var reader = await world.ReaderAsync(ru);

        var first = await Objects.ListAsync(reader, new ObjectQuery { Limit = 2 }, None);
        var second = await Objects.ListAsync(reader, new ObjectQuery { Limit = 2, After = first.Next }, None);

        Assert.NotNull(first.Next);
        Assert.Equal(2, second.Items.Count);
        Assert.Null(second.Next);
    }

    [ContractFact]
    public async Task Type_filter_keeps_only_that_type()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var actor = TestObject.ThreatActor(1, "actor");
        var set = new TestObject(StixId.New("intrusion-set")) { Version = 1, Name = "set" };
        var ip = new TestObject(StixId.New("ipv4-addr")) { Version = null, Name = null, Value = "198.51.100.1" };
        await world.ImportAsync(ru, actor, set, ip);
        var reader = await world.ReaderAsync(ru);

        Assert.Equal([set.Id], (await Objects.ListAsync(reader, new ObjectQuery { Type = "intrusion-set" }, None)).Items.Select(v => v.Id));
        Assert.Equal([ip.Id], (await Objects.ListAsync(reader, new ObjectQuery { Type = "ipv4-addr" }, None)).Items.Select(v => v.Id));
        Assert.Equal(1, await Objects.CountAsync(reader, new ObjectQuery { Type = "threat-actor" }, None));
    }

    [ContractFact]
    public async Task Originator_filter_keeps_only_that_originators_objects()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var us = await world.PartyAsync("us");
        var theirs = TestObject.ThreatActor(1, "theirs").ReleasedTo(us);
        var ours = TestObject.ThreatActor(1, "ours");
        await world.ImportAsync(ru, theirs);
        await world.ImportAsync(us, ours);
        var reader = await world.ReaderAsync(us);

        Assert.Equal([theirs.Id], (await Objects.ListAsync(reader, new ObjectQuery { Originator = ru }, None)).Items.Select(v => v.Id));
        Assert.Equal([ours.Id], (await Objects.ListAsync(reader, new ObjectQuery { Originator = us }, None)).Items.Select(v => v.Id));
        Assert.Equal(2, await Objects.CountAsync(reader, new ObjectQuery(), None));
    }

    [ContractFact]
    public async Task Channel_filter_keeps_what_is_released_to_that_channel_and_only_for_its_members()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var us = await world.PartyAsync("us");
        var kz = await world.PartyAsync("kz");
        var wg = await world.ChannelAsync("us-ru-wg", ru, us);
        var sco = await world.ChannelAsync("sco", ru, kz);
        var toWg = TestObject.ThreatActor(1, "wg").ReleasedTo(wg);
        var toUs = TestObject.ThreatActor(1, "direct").ReleasedTo(us, kz);
        var toSco = TestObject.ThreatActor(1, "sco").ReleasedTo(sco);
        await world.ImportAsync(ru, toWg, toUs, toSco);
        var reader = await world.ReaderAsync(us);

        Assert.Equal([toWg.Id], (await Objects.ListAsync(reader, new ObjectQuery { Channel = wg }, None)).Items.Select(v => v.Id));
        Assert.Equal(1, await Objects.CountAsync(reader, new ObjectQuery { Channel = wg }, None));
        Assert.Empty((await Objects.ListAsync(reader, new ObjectQuery { Channel = sco }, None)).Items);
        Assert.Equal(0, await Objects.CountAsync(reader, new ObjectQuery { Channel = sco }, None));
        Assert.Equal([toSco.Id], (await Objects.ListAsync(await world.ReaderAsync(kz), new ObjectQuery { Channel = sco }, None)).Items.Select(v => v.Id));
    }

    [ContractFact]
    public async Task Modified_after_filter_looks_at_the_latest_readable_version()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var us = await world.PartyAsync("us");
        var early = TestObject.ThreatActor(1, "early").ReleasedTo(us);
        var late = TestObject.ThreatActor(5, "late").ReleasedTo(us);
        var hidden = TestObject.ThreatActor(1, "updated for ru only").ReleasedTo(us);
        await world.ImportAsync(ru, early, late, hidden, hidden with { Version = 9, ReleaseParties = [] });
        var after = TestObject.Epoch.AddMinutes(3).UtcTicks;

        Assert.Equal([late.Id], (await Objects.ListAsync(await world.ReaderAsync(us), new ObjectQuery { ModifiedAfter = after }, None)).Items.Select(v => v.Id));
        Assert.Equal([late.Id, hidden.Id], (await Objects.ListAsync(await world.ReaderAsync(ru), new ObjectQuery { ModifiedAfter = after }, None)).Items.Select(v => v.Id));
        Assert.Equal(3, await Objects.CountAsync(await world.ReaderAsync(us), new ObjectQuery { ModifiedAfter = TestObject.Epoch.UtcTicks }, None));
    }

    [ContractFact]
    public async Task Search_matches_latin_words_by_prefix_in_any_case()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var obj = TestObject.ThreatActor(1, "Islamic State Khorasan Province") with { Description = "Active in Nangarhar" };
        await world.ImportAsync(ru, obj, TestObject.ThreatActor(1, "Unrelated group"));

        Assert.Equal([obj.Id], await SearchAsync(world, ru, "khora ISL"));
        Assert.Equal([obj.Id], await SearchAsync(world, ru, "nangar"));
        Assert.Empty(await SearchAsync(world, ru, "khorasanx"));
        Assert.Empty(await SearchAsync(world, ru, "horasan"));
    }

    [ContractFact]
    public async Task Search_folds_the_accents_of_latin_letters_both_ways_and_keeps_other_scripts_marks()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var accented = TestObject.ThreatActor(1, "Wilāyat Khurāsān") with { Description = "Seen near Tadžikistan's border, Çorum" };
        var plain = TestObject.ThreatActor(1, "Hizb ut-Tahrir") with { Description = "Active in Fergana" };
        var cyrillic = TestObject.ThreatActor(1, "Йошкар-Ола ячейка");
        await world.ImportAsync(ru, accented, plain, cyrillic);

        Assert.Equal([accented.Id], await SearchAsync(world, ru, "wilayat khurasan"));
        Assert.Equal([accented.Id], await SearchAsync(world, ru, "KHURĀ"));
        Assert.Equal([accented.Id], await SearchAsync(world, ru, "tadzik corum"));
        Assert.Equal([plain.Id], await SearchAsync(world, ru, "Fergāna tāhrir"));
        Assert.Equal([cyrillic.Id], await SearchAsync(world, ru, "йошкар"));
        Assert.Empty(await SearchAsync(world, ru, "иошкар"));
    }

    [ContractFact]
    public async Task Search_matches_cyrillic_words_by_prefix_in_any_case()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var obj = TestObject.ThreatActor(1, "Исламское государство");
        await world.ImportAsync(ru, obj, TestObject.ThreatActor(1, "Исламский джихад"));

        Assert.Equal([obj.Id], await SearchAsync(world, ru, "ислам госуд"));
        Assert.Equal([obj.Id], await SearchAsync(world, ru, "ИСЛАМСКОЕ"));
        Assert.Equal(2, (await SearchAsync(world, ru, "Ислам")).Count);
        Assert.Empty(await SearchAsync(world, ru, "государства"));
    }

    [ContractFact]
    public async Task Search_matches_arabic_words_by_prefix()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var obj = TestObject.ThreatActor(1, "الدولة الإسلامية");
        await world.ImportAsync(ru, obj, TestObject.ThreatActor(1, "حركة طالبان"));

        Assert.Equal([obj.Id], await SearchAsync(world, ru, "الإسلام"));
        Assert.Equal([obj.Id], await SearchAsync(world, ru, "الدولة الإسلامية"));
        Assert.Empty(await SearchAsync(world, ru, "الدولتين"));
    }

    [ContractFact]
    public async Task Search_cuts_dotted_values_into_the_same_words_as_the_query()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var ip = new TestObject(StixId.New("ipv4-addr")) { Version = null, Name = null, Value = "203.0.113.45" };
        await world.ImportAsync(ru, ip);

        Assert.Equal([ip.Id], await SearchAsync(world, ru, "113"));
        Assert.Equal([ip.Id], await SearchAsync(world, ru, "203.0.113"));
        Assert.Empty(await SearchAsync(world, ru, "203.9"));
    }

    [ContractFact]
    public async Task Search_needs_every_word()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var both = TestObject.ThreatActor(1, "Tehrik-i-Taliban Pakistan");
        await world.ImportAsync(ru, both, TestObject.ThreatActor(1, "Taliban"));

        Assert.Equal([both.Id], await SearchAsync(world, ru, "taliban pakistan"));
        Assert.Equal(2, (await SearchAsync(world, ru, "taliban")).Count);
    }

    [ContractFact]
    public async Task Search_hits_only_what_the_reader_may_read_in_its_latest_readable_version()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var us = await world.PartyAsync("us");
        var released = TestObject.ThreatActor(1, "Jamaat alpha").ReleasedTo(us);
        var kept = TestObject.ThreatActor(1, "Jamaat beta");
        var renamed = TestObject.ThreatActor(1, "Jamaat gamma").ReleasedTo(us);
        await world.ImportAsync(ru, released, kept, renamed, renamed with { Version = 2, Name = "Jamaat delta" }, renamed with { Version = 3, Name = "Jamaat epsilon", ReleaseParties = [] });

        Assert.Equal([released.Id, renamed.Id], await SearchAsync(world, us, "jamaat"));
        Assert.Empty(await SearchAsync(world, us, "beta"));
        Assert.Empty(await SearchAsync(world, us, "gamma"));
        Assert.Equal([renamed.Id], await SearchAsync(world, us, "delta"));
        Assert.Empty(await SearchAsync(world, us, "epsilon"));
        Assert.Equal([renamed.Id], await SearchAsync(world, ru, "epsilon"));
        Assert.Equal(2, await Objects.CountAsync(await world.ReaderAsync(us), new ObjectQuery { Text = "jamaat" }, None));
    }

    private async Task<List<StixId>> SearchAsync(TestWorld world, PartyId party, string text) =>
        (await Listing.AllPagesAsync(Objects, await world.ReaderAsync(party), new ObjectQuery { Text = text })).Select(v => v.Id).ToList();
}
