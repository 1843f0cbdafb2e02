using System.Text.Json;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Domain.Versioning;
using Concord.Storage.Objects;
using Concord.Storage.Tests.Backends;
using Concord.Storage.Tests.Support;

namespace Concord.Storage.Tests.Objects;

/// <summary>What every backend must do when importing object versions and reading them back one object at a time.</summary>
public abstract class ObjectStoreContractTests(StoreFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private IConcordStore Store => fixture.Shared.Store;

    private IObjectStore Objects => Store.Objects;

    [ContractFact]
    public async Task Originator_reads_back_what_it_imported()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var obj = TestObject.ThreatActor(1, "Islamic State Khorasan Province") with { Description = "ISKP" };

        var report = await world.ImportAsync(ru, obj);

        Assert.Equal(1, report.Inserted);
        Assert.True(report.Committed);
        var stored = await Objects.GetLatestAsync(await world.ReaderAsync(ru), obj.Id, None);
        Assert.NotNull(stored);
        Assert.Equal(obj.Id, stored.Id);
        Assert.Equal(obj.VersionTicks, stored.Version.Ticks);
        Assert.Equal(ru, stored.Distribution.Originator);
        Assert.True(stored.Distribution.Release.IsEmpty);
        Assert.False(stored.Revoked);
        using var json = JsonDocument.Parse(stored.Json);
        Assert.Equal("Islamic State Khorasan Province", json.RootElement.GetProperty("name").GetString());
        Assert.Equal("ISKP", json.RootElement.GetProperty("description").GetString());
    }

    [ContractFact]
    public async Task Recipient_without_release_gets_nothing()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var us = await world.PartyAsync("us");
        var pk = await world.PartyAsync("pk");
        var obj = TestObject.ThreatActor(1, "Tehrik-i-Taliban").ReleasedTo(pk);
        await world.ImportAsync(ru, obj);

        var reader = await world.ReaderAsync(us);

        Assert.Null(await Objects.GetLatestAsync(reader, obj.Id, None));
        Assert.Empty(await Objects.GetVersionsAsync(reader, obj.Id, None));
        Assert.Empty((await Objects.ListAsync(reader, new ObjectQuery(), None)).Items);
        Assert.Equal(0, await Objects.CountAsync(reader, new ObjectQuery(), None));
        Assert.Empty((await Objects.ListAsync(reader, new ObjectQuery { Text = "Tehrik" }, None)).Items);
        Assert.Empty(await Objects.ExportAsync(reader, new ObjectQuery(), None).ToListAsync());
    }

    [ContractFact]
    public async Task Party_named_in_the_release_reads_the_version()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var us = await world.PartyAsync("us");
        var obj = TestObject.ThreatActor(1, "Daesh cell").ReleasedTo(us);
        await world.ImportAsync(ru, obj);

        var stored = await Objects.GetLatestAsync(await world.ReaderAsync(us), obj.Id, None);

        Assert.NotNull(stored);
        Assert.Equal(ru, stored.Distribution.Originator);
        Assert.Equal([us], stored.Distribution.Release.Parties);
    }

    [ContractFact]
    public async Task Channel_member_reads_what_is_released_to_the_channel_and_outsiders_do_not()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var us = await world.PartyAsync("us");
        var kz = await world.PartyAsync("kz");
        var wg = await world.ChannelAsync("us-ru-wg", ru, us);
        var obj = TestObject.ThreatActor(1, "Cross-border network").ReleasedTo(wg);
        await world.ImportAsync(ru, obj);

        Assert.NotNull(await Objects.GetLatestAsync(await world.ReaderAsync(us), obj.Id, None));
        Assert.Null(await Objects.GetLatestAsync(await world.ReaderAsync(kz), obj.Id, None));
    }

    [ContractFact]
    public async Task Versions_come_back_oldest_first()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var first = TestObject.ThreatActor(1, "v1");
        await world.ImportAsync(ru, first with { Version = 3, Name = "v3" }, first, first with { Version = 2, Name = "v2" });

        var reader = await world.ReaderAsync(ru);
        var versions = await Objects.GetVersionsAsync(reader, first.Id, None);

        Assert.Equal([first.VersionTicks, (first with { Version = 2 }).VersionTicks, (first with { Version = 3 }).VersionTicks], versions.Select(v => v.Version.Ticks));
        Assert.Equal((first with { Version = 3 }).VersionTicks, (await Objects.GetLatestAsync(reader, first.Id, None))!.Version.Ticks);
    }

    [ContractFact]
    public async Task Latest_readable_version_is_returned_when_newer_versions_are_released_more_narrowly()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var us = await world.PartyAsync("us");
        var v1 = TestObject.ThreatActor(1, "shared once").ReleasedTo(us);
        var v2 = v1 with { Version = 2, Name = "shared twice" };
        var v3 = v1 with { Version = 3, Name = "kept home", ReleaseParties = [] };
        await world.ImportAsync(ru, v1, v2, v3);

        var reader = await world.ReaderAsync(us);
        var latest = await Objects.GetLatestAsync(reader, v1.Id, None);

        Assert.Equal(v2.VersionTicks, latest!.Version.Ticks);
        Assert.Equal([v1.VersionTicks, v2.VersionTicks], (await Objects.GetVersionsAsync(reader, v1.Id, None)).Select(v => v.Version.Ticks));
        Assert.Equal([v2.VersionTicks], (await Objects.ListAsync(reader, new ObjectQuery(), None)).Items.Select(v => v.Version.Ticks));
        Assert.Equal(v3.VersionTicks, (await Objects.GetLatestAsync(await world.ReaderAsync(ru), v1.Id, None))!.Version.Ticks);
    }

    [ContractFact]
    public async Task Identical_duplicate_is_unchanged_and_stores_nothing_new()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var obj = TestObject.ThreatActor(1, "same");
        await world.ImportAsync(ru, obj);
        var reader = await world.ReaderAsync(ru);
        var before = await Objects.GetVersionsAsync(reader, obj.Id, None);

        var report = await world.ImportAsync(ru, obj);

        Assert.Equal((0, 1, 0), (report.Inserted, report.Unchanged, report.Rejected));
        Assert.Equal(before.Select(v => v.Pk), (await Objects.GetVersionsAsync(reader, obj.Id, None)).Select(v => v.Pk));
    }

    [ContractFact]
    public async Task Same_modified_time_with_different_content_is_a_conflict_and_the_stored_version_stays()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var obj = TestObject.ThreatActor(1, "original");
        await world.ImportAsync(ru, obj);
        var reader = await world.ReaderAsync(ru);
        var before = await Objects.GetLatestAsync(reader, obj.Id, None);

        var report = await world.ImportAsync(ru, obj with { Name = "rewritten" });

        Assert.Equal((0, 0, 1), (report.Inserted, report.Unchanged, report.Rejected));
        Assert.Equal(VersionRule.Explain(VersionVerdict.Conflict), Assert.Single(report.Problems).Message);
        var after = await Objects.GetLatestAsync(reader, obj.Id, None);
        Assert.Equal(before!.Pk, after!.Pk);
        Assert.Equal(before.Json.ToArray(), after.Json.ToArray());
    }

    [ContractFact]
    public async Task Another_party_cannot_version_an_object_it_did_not_originate()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var us = await world.PartyAsync("us");
        var obj = TestObject.ThreatActor(1, "theirs").ReleasedTo(us);
        await world.ImportAsync(ru, obj);

        var report = await world.ImportAsync(us, obj with { Version = 2, Name = "mine now", ReleaseParties = [] });

        Assert.Equal(VersionRule.Explain(VersionVerdict.NotOriginator), Assert.Single(report.Problems).Message);
        Assert.Equal(0, report.Inserted);
        var seenByUs = await Objects.GetVersionsAsync(await world.ReaderAsync(us), obj.Id, None);
        Assert.Equal([ru], seenByUs.Select(v => v.Distribution.Originator));
        Assert.Single(await Objects.GetVersionsAsync(await world.ReaderAsync(ru), obj.Id, None));
    }

    [ContractFact]
    public async Task Nothing_follows_a_revocation()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var v1 = TestObject.ThreatActor(1, "alive");
        await world.ImportAsync(ru, v1, v1 with { Version = 2, Revoked = true });

        var report = await world.ImportAsync(ru, v1 with { Version = 3, Name = "risen" });

        Assert.Equal(VersionRule.Explain(VersionVerdict.AfterRevocation), Assert.Single(report.Problems).Message);
        var versions = await Objects.GetVersionsAsync(await world.ReaderAsync(ru), v1.Id, None);
        Assert.Equal([false, true], versions.Select(v => v.Revoked));
    }

    [ContractFact]
    public async Task Earlier_records_of_the_same_batch_decide_later_ones()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var a = TestObject.ThreatActor(1, "a");
        var b = TestObject.ThreatActor(1, "b");

        var report = await world.ImportAsync(ru, a, a, a with { Name = "a2" }, b, b with { Version = 2, Revoked = true }, b with { Version = 3 });

        Assert.Equal((3, 1, 2), (report.Inserted, report.Unchanged, report.Rejected));
        Assert.Equal(
            [(2, VersionRule.Explain(VersionVerdict.Conflict)), (5, VersionRule.Explain(VersionVerdict.AfterRevocation))],
            report.Problems.Select(p => (p.Index, p.Message)));
        var reader = await world.ReaderAsync(ru);
        Assert.Single(await Objects.GetVersionsAsync(reader, a.Id, None));
        Assert.Equal(2, (await Objects.GetVersionsAsync(reader, b.Id, None)).Count);
    }

    [ContractFact]
    public async Task Shared_observables_are_held_by_each_originator_and_the_later_copy_is_latest()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var us = await world.PartyAsync("us");
        var kz = await world.PartyAsync("kz");
        var ip = new TestObject(StixId.New("ipv4-addr")) { Version = null, Name = null, Value = "203.0.113.7" };
        await world.ImportAsync(ru, ip.ReleasedTo(us));

        var report = await world.ImportAsync(us, ip);

        Assert.Equal(1, report.Inserted);
        var reader = await world.ReaderAsync(us);
        Assert.Equal([ru, us], (await Objects.GetVersionsAsync(reader, ip.Id, None)).Select(v => v.Distribution.Originator));
        Assert.Equal(us, (await Objects.GetLatestAsync(reader, ip.Id, None))!.Distribution.Originator);
        Assert.Equal(ru, (await Objects.GetLatestAsync(await world.ReaderAsync(ru), ip.Id, None))!.Distribution.Originator);
        Assert.Null(await Objects.GetLatestAsync(await world.ReaderAsync(kz), ip.Id, None));
    }

    [ContractFact]
    public async Task Batch_size_plus_one_objects_are_all_stored()
    {
        const int batchSize = 4;
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var objects = Enumerable.Range(0, batchSize + 1).Select(i => TestObject.ThreatActor(1, $"actor {i}")).ToList();
        var atomic = Enumerable.Range(0, batchSize + 1).Select(i => TestObject.ThreatActor(1, $"atomic {i}")).ToList();

        var report = await world.ImportAsync(ru, objects, batchSize: batchSize);
        var atomicReport = await world.ImportAsync(ru, atomic, allOrNothing: true, batchSize: batchSize);

        Assert.Equal(batchSize + 1, report.Inserted);
        Assert.Equal(batchSize + 1, atomicReport.Inserted);
        Assert.True(atomicReport.Committed);
        var listed = await Listing.AllPagesAsync(Objects, await world.ReaderAsync(ru), new ObjectQuery());
        Assert.Equal(objects.Concat(atomic).Select(o => o.Id), listed.Select(v => v.Id));
    }

    [ContractFact]
    public async Task All_or_nothing_import_with_an_invalid_object_stores_nothing()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var good = Enumerable.Range(0, 3).Select(i => TestObject.ThreatActor(1, $"good {i}").ToJson()).ToList();
        var bad = TestObject.ThreatActor(1, "no name") with { Name = null };

        var report = await world.ImportJsonAsync(ru, [good[0], good[1], bad.ToJson(), good[2]], allOrNothing: true, batchSize: 2);

        Assert.False(report.Committed);
        Assert.Equal(0, report.Inserted);
        Assert.Equal(0, await Objects.CountAsync(await world.ReaderAsync(ru), new ObjectQuery(), None));
    }

    [ContractFact]
    public async Task All_or_nothing_import_refused_by_a_verdict_after_an_earlier_batch_rolls_back_that_batch()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var held = TestObject.ThreatActor(1, "held");
        await world.ImportAsync(ru, held);
        var fresh = Enumerable.Range(0, 3).Select(i => TestObject.ThreatActor(1, $"fresh {i}")).ToList();

        var report = await world.ImportAsync(ru, [.. fresh, held with { Name = "conflicting" }], allOrNothing: true, batchSize: 2);

        Assert.False(report.Committed);
        var listed = await Listing.AllPagesAsync(Objects, await world.ReaderAsync(ru), new ObjectQuery());
        Assert.Equal([held.Id], listed.Select(v => v.Id));
    }

    [ContractFact]
    public async Task Import_session_disposed_without_commit_discards_everything()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var obj = TestObject.ThreatActor(1, "uncommitted");

        await using (var session = await Objects.BeginImportAsync(allOrNothing: true, None))
        {
            Assert.Equal([VersionVerdict.Insert], await session.WriteAsync([Records.Of(obj, ru)], None));
        }

        Assert.Null(await Objects.GetLatestAsync(await world.ReaderAsync(ru), obj.Id, None));
    }

    [ContractFact]
    public async Task Import_session_between_batches_lets_other_writers_through()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var first = TestObject.ThreatActor(1, "first batch");
        var second = TestObject.ThreatActor(1, "second batch");

        await using var session = await Objects.BeginImportAsync(allOrNothing: false, None);
        await session.WriteAsync([Records.Of(first, ru)], None);
        await Store.Audit.AppendAsync(new Storage.Audit.AuditRecord(DateTimeOffset.UtcNow, "analyst@ru", null, "read", null, null, "while importing"), None);
        var late = await world.PartyAsync("late");
        await session.WriteAsync([Records.Of(second, ru)], None);
        await session.CommitAsync(None);

        Assert.NotNull(await Store.Directory.GetPartyAsync(late, None));
        Assert.Equal(2, await Objects.CountAsync(await world.ReaderAsync(ru), new ObjectQuery(), None));
    }

    [ContractFact]
    public async Task Revocation_reaches_everyone_who_had_an_earlier_version()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var us = await world.PartyAsync("us");
        var kz = await world.PartyAsync("kz");
        var pk = await world.PartyAsync("pk");
        var wg = await world.ChannelAsync("ru-kz", ru, kz);
        var apart = TestObject.ThreatActor(1, "imported apart").ReleasedTo(us);
        var together = TestObject.ThreatActor(1, "imported together").ReleasedTo(us);
        await world.ImportAsync(ru, apart);
        await world.ImportAsync(ru, apart with { Version = 2, ReleaseParties = [], ReleaseChannels = [wg] });
        await world.ImportAsync(ru, apart with { Version = 3, Revoked = true, ReleaseParties = [], ReleaseChannels = [] });
        await world.ImportAsync(
            ru,
            together,
            together with { Version = 2, ReleaseParties = [], ReleaseChannels = [wg] },
            together with { Version = 3, Revoked = true, ReleaseParties = [], ReleaseChannels = [] });

        foreach (var id in new[] { apart.Id, together.Id })
        {
            foreach (var party in new[] { us, kz })
            {
                var latest = await Objects.GetLatestAsync(await world.ReaderAsync(party), id, None);
                Assert.True(latest is { Revoked: true }, $"{party} did not get the revocation of {id}");
            }

            Assert.Null(await Objects.GetLatestAsync(await world.ReaderAsync(pk), id, None));
        }
    }

    [ContractFact]
    public async Task Declassification_reaches_everyone_who_had_an_earlier_version_and_a_raised_marking_does_not()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var us = await world.PartyAsync("us");
        var kz = await world.PartyAsync("kz");
        var wg = await world.ChannelAsync("ru-kz", ru, kz);
        var v1 = TestObject.ThreatActor(1, "amber first") with { Tlp = TlpLevel.Amber };
        await world.ImportAsync(ru, v1.ReleasedTo(us));
        await world.ImportAsync(ru, (v1 with { Version = 2, Tlp = TlpLevel.Green, Name = "declassified" }).ReleasedTo(wg));
        await world.ImportAsync(ru, (v1 with { Version = 3, Tlp = TlpLevel.Red, Name = "raised" }) with { ReleaseParties = [], ReleaseChannels = [wg] });

        var toUs = await Objects.GetLatestAsync(await world.ReaderAsync(us), v1.Id, None);
        var toKz = await Objects.GetLatestAsync(await world.ReaderAsync(kz), v1.Id, None);

        Assert.Equal(v1.Id, toUs!.Id);
        Assert.Equal(TlpLevel.Green, toUs.Distribution.Tlp);
        Assert.Equal(TlpLevel.Red, toKz!.Distribution.Tlp);
    }

    [ContractFact]
    public async Task Added_release_grants_the_version_to_new_parties_and_channels_once()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var us = await world.PartyAsync("us");
        var kz = await world.PartyAsync("kz");
        var uz = await world.PartyAsync("uz");
        var sco = await world.ChannelAsync("sco", ru, kz);
        var obj = TestObject.ThreatActor(1, "to be forwarded");
        await world.ImportAsync(ru, obj);
        var stored = (await Objects.GetLatestAsync(await world.ReaderAsync(ru), obj.Id, None))!;
        Assert.Null(await Objects.GetLatestAsync(await world.ReaderAsync(us), obj.Id, None));

        await Objects.AddReleaseAsync(stored.Pk, new Release([us], [sco]), ru, None);
        await Objects.AddReleaseAsync(stored.Pk, new Release([us], []), ru, None);

        Assert.NotNull(await Objects.GetLatestAsync(await world.ReaderAsync(us), obj.Id, None));
        Assert.NotNull(await Objects.GetLatestAsync(await world.ReaderAsync(kz), obj.Id, None));
        Assert.Null(await Objects.GetLatestAsync(await world.ReaderAsync(uz), obj.Id, None));
        var release = (await Objects.GetLatestAsync(await world.ReaderAsync(ru), obj.Id, None))!.Distribution.Release;
        Assert.Equal(new Release([us], [sco]), release);
    }
}
