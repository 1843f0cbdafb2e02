using System.Text.Json;
using Concord.Domain.Deconfliction;
using Concord.Domain.Directory;
using Concord.Storage.Deconfliction;
using Concord.Storage.Objects;
using Concord.Storage.Tests.Backends;

namespace Concord.Storage.Tests.Deconfliction;

/// <summary>What every backend must do with operations, conflicts and notices.</summary>
public abstract class OperationStoreContractTests(StoreFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A second, independent store instance on the same database (as another process would open).</summary>
    protected abstract IConcordStore SecondInstance(IConcordStore store);

    private OpsWorld World() => new(fixture.Shared.Store);

    [ContractFact]
    public async Task Overlapping_operations_of_two_parties_give_each_one_notice_with_only_the_allowed_fields()
    {
        var world = World();
        var us = await world.DutyAsync("us");
        var ru = await world.DutyAsync("ru");
        var access = new OperationAccess(world.Store);

        var first = await access.RegisterAsync(us, world.Circle(us, 34.53, 69.17, 3_000), None);
        var second = await access.RegisterAsync(ru, world.Circle(ru, 34.54, 69.18, 2_000, world.T0.AddHours(1)), None);

        Assert.Equal(OperationOutcomeKind.Done, first.Kind);
        Assert.Empty(first.Result!.Notices);
        var toRu = Assert.Single(second.Result!.Notices);
        var toUs = Assert.Single(await new NoticeAccess(world.Store).ListAsync(us, openOnly: true, None));
        Assert.Equal(toRu.ConflictId, toUs.ConflictId);
        Assert.Equal(first.Result.Operation.Id, toUs.Operation);
        Assert.Equal(second.Result.Operation.Id, toRu.Operation);
        Assert.Equal("Watch desk RU", toUs.Contact.Name);
        Assert.Equal("Watch desk US", toRu.Contact.Name);
        Assert.Equal((world.T0.AddHours(1), world.T0.AddHours(3)), (toUs.From, toUs.Until));
        Assert.Equal([69.1, 34.5, 69.3, 34.6], toUs.Area);
        foreach (var notice in new[] { toUs, toRu })
        {
            var json = JsonSerializer.Serialize(notice);
            Assert.Null(notice.CounterpartParty);
            Assert.Null(notice.CounterpartKind);
            Assert.Null(notice.CounterpartOperation);
            Assert.DoesNotContain(notice.Operation == first.Result.Operation.Id ? second.Result.Operation.Id : first.Result.Operation.Id, json, StringComparison.Ordinal);
            Assert.DoesNotContain("ground_raid", json, StringComparison.Ordinal);
            Assert.DoesNotContain("secret-ref", json, StringComparison.Ordinal);
            Assert.DoesNotContain(notice.Operation == first.Result.Operation.Id ? ru.Party!.Value.Value : us.Party!.Value.Value, json, StringComparison.Ordinal);
            Assert.DoesNotContain("69.17", json, StringComparison.Ordinal);
            Assert.DoesNotContain("69.18", json, StringComparison.Ordinal);
        }
    }

    [ContractFact]
    public async Task Operations_apart_in_space_or_time_raise_no_conflict()
    {
        var world = World();
        var us = await world.DutyAsync("us");
        var ru = await world.DutyAsync("ru");
        var access = new OperationAccess(world.Store);

        await access.RegisterAsync(us, world.Circle(us, 34.53, 69.17, 3_000), None);
        var far = await access.RegisterAsync(ru, world.Circle(ru, 34.53, 69.40, 3_000), None);
        var later = await access.RegisterAsync(ru, world.Circle(ru, 34.53, 69.17, 3_000, world.T0.AddHours(3)), None);

        Assert.Empty(far.Result!.Notices);
        Assert.Empty(later.Result!.Notices);
        Assert.Empty(await new NoticeAccess(world.Store).ListAsync(us, false, None));
    }

    [ContractFact]
    public async Task Amending_away_resolves_the_conflict_and_keeps_every_version()
    {
        var world = World();
        var us = await world.DutyAsync("us");
        var ru = await world.DutyAsync("ru");
        var access = new OperationAccess(world.Store);
        var mine = await access.RegisterAsync(us, world.Circle(us, 34.53, 69.17, 3_000), None);
        await access.RegisterAsync(ru, world.Circle(ru, 34.53, 69.17, 3_000), None);
        var id = OperationId.Parse(mine.Result!.Operation.Id);

        var nextDay = world.T0.AddDays(1).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var moved = await access.AmendAsync(us, id, OpsWorld.Json($$"""{"start":"{{nextDay}}","end":"{{world.T0.AddDays(1).AddHours(3).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}"}"""), None);

        var notice = Assert.Single(moved.Result!.Notices);
        Assert.Equal("resolved", notice.State);
        Assert.Equal("no_longer_overlaps (by you)", notice.Resolution);
        var history = await access.HistoryAsync(us, id, None);
        Assert.Equal([1, 2], history.Select(v => v.Version));
        Assert.Equal(nextDay, history[1].Plan.GetProperty("start").GetString());
        Assert.Equal("ground_raid", history[1].Plan.GetProperty("kind").GetString());
        Assert.Equal("resolved", Assert.Single(await new NoticeAccess(world.Store).ListAsync(ru, false, None)).State);
    }

    [ContractFact]
    public async Task Amending_or_cancelling_another_partys_operation_is_not_found_and_changes_nothing()
    {
        var world = World();
        var us = await world.DutyAsync("us");
        var ru = await world.DutyAsync("ru");
        var access = new OperationAccess(world.Store);
        var mine = await access.RegisterAsync(us, world.Circle(us, 34.53, 69.17, 3_000), None);
        var id = OperationId.Parse(mine.Result!.Operation.Id);

        var amend = await access.AmendAsync(ru, id, OpsWorld.Json("""{"margin_minutes":5}"""), None);
        var cancel = await access.CancelAsync(ru, id, None);
        var missing = await access.CancelAsync(ru, OperationId.New(), None);

        Assert.Equal(OperationOutcomeKind.NotFound, amend.Kind);
        Assert.Equal(OperationOutcomeKind.NotFound, cancel.Kind);
        Assert.Equal(missing.Errors, cancel.Errors);
        Assert.Single(await access.HistoryAsync(us, id, None));
        Assert.Empty(await access.HistoryAsync(ru, id, None));
        Assert.Empty(await access.ListAsync(ru, None));
    }

    [ContractFact]
    public async Task Bad_input_and_unknown_contacts_are_refused_and_nothing_is_stored()
    {
        var world = World();
        var us = await world.DutyAsync("us");
        var ru = await world.DutyAsync("ru");
        var access = new OperationAccess(world.Store);

        var backwards = await access.RegisterAsync(us, world.Circle(us, 34.53, 69.17, 3_000, hours: -1), None);
        var huge = await access.RegisterAsync(us, world.Circle(us, 34.53, 69.17, 900_000), None);
        var bowtie = await access.RegisterAsync(us, OpsWorld.Json($$$"""{"kind":"surveillance","area":{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[69,34],[70,35],[70,34],[69,35],[69,34]]]}},"start":"2026-03-01T00:00:00Z","end":"2026-03-01T01:00:00Z","contact":{"member":"duty@{{{us.Party}}}","name":"D","phone":"1"}}"""), None);
        var stranger = await access.RegisterAsync(us, OpsWorld.Json($$$"""{"kind":"surveillance","area":{"type":"Feature","geometry":{"type":"Point","coordinates":[69,34]},"properties":{"radius_m":10}},"start":"2026-03-01T00:00:00Z","end":"2026-03-01T01:00:00Z","contact":{"member":"duty@{{{ru.Party}}}","name":"D","phone":"1"}}"""), None);

        Assert.Equal(OperationOutcomeKind.Invalid, backwards.Kind);
        Assert.Contains(backwards.Errors, e => e.Pointer == "/end");
        Assert.Contains(huge.Errors, e => e.Pointer == "/area/geometry" && e.Message.Contains("limit", StringComparison.Ordinal));
        Assert.StartsWith("/area/geometry/coordinates/0/", Assert.Single(bowtie.Errors).Pointer, StringComparison.Ordinal);
        Assert.Equal("/contact/member", Assert.Single(stranger.Errors).Pointer);
        Assert.Empty(await access.ListAsync(us, None));
    }

    [ContractFact]
    public async Task A_notice_stays_open_until_both_sides_acknowledge_and_every_step_reaches_both_feeds()
    {
        var world = World();
        var us = await world.DutyAsync("us");
        var ru = await world.DutyAsync("ru");
        var access = new OperationAccess(world.Store);
        var notices = new NoticeAccess(world.Store);
        await access.RegisterAsync(us, world.Circle(us, 34.53, 69.17, 3_000), None);
        var conflictId = (await access.RegisterAsync(ru, world.Circle(ru, 34.53, 69.17, 3_000), None)).Result!.Notices[0].ConflictId;

        var once = await notices.ActAsync(us, conflictId, NoticeAction.Acknowledge, null, None);
        Assert.Equal(("open", true, false), (once.Notice!.State, once.Notice.AcknowledgedByYou, once.Notice.AcknowledgedByCounterpart));
        var twice = await notices.ActAsync(ru, conflictId, NoticeAction.Acknowledge, null, None);
        Assert.Equal(("acknowledged", true, true), (twice.Notice!.State, twice.Notice.AcknowledgedByYou, twice.Notice.AcknowledgedByCounterpart));
        var escalated = await notices.ActAsync(ru, conflictId, NoticeAction.Escalate, null, None);
        Assert.Equal("escalated", escalated.Notice!.State);
        var resolved = await notices.ActAsync(us, conflictId, NoticeAction.Resolve, "moved", None);
        Assert.Equal(("resolved", "moved (by you)"), (resolved.Notice!.State, resolved.Notice.Resolution));
        Assert.Equal(OperationOutcomeKind.Closed, (await notices.ActAsync(ru, conflictId, NoticeAction.Acknowledge, null, None)).Kind);

        var usFeed = await notices.EventsAsync(us, 0, 100, None);
        var ruFeed = await notices.EventsAsync(ru, 0, 100, None);
        Assert.Equal(["conflict", "acknowledged", "acknowledged", "escalated", "resolved"], usFeed.Select(e => e.Type));
        Assert.Equal(usFeed.Select(e => e.Type), ruFeed.Select(e => e.Type));
        Assert.Contains("moved (by the other side)", ruFeed[^1].Body, StringComparison.Ordinal);
    }

    [ContractFact]
    public async Task A_party_that_is_not_a_side_cannot_see_or_touch_the_conflict()
    {
        var world = World();
        var us = await world.DutyAsync("us");
        var ru = await world.DutyAsync("ru");
        var pk = await world.DutyAsync("pk");
        var access = new OperationAccess(world.Store);
        await access.RegisterAsync(us, world.Circle(us, 34.53, 69.17, 3_000), None);
        var conflictId = (await access.RegisterAsync(ru, world.Circle(ru, 34.53, 69.17, 3_000), None)).Result!.Notices[0].ConflictId;

        Assert.Equal(OperationOutcomeKind.NotFound, (await new NoticeAccess(world.Store).ActAsync(pk, conflictId, NoticeAction.Resolve, "moved", None)).Kind);
        Assert.Empty(await new NoticeAccess(world.Store).ListAsync(pk, false, None));
        Assert.Empty(await new NoticeAccess(world.Store).EventsAsync(pk, 0, 100, None));
    }

    [ContractFact]
    public async Task Overlaps_within_one_party_are_an_internal_note_to_that_party_only()
    {
        var world = World();
        var us = await world.DutyAsync("us");
        var access = new OperationAccess(world.Store);
        var first = await access.RegisterAsync(us, world.Circle(us, 34.53, 69.17, 3_000), None);

        var second = await access.RegisterAsync(us, world.Circle(us, 34.53, 69.17, 3_000), None);

        var note = Assert.Single(second.Result!.Notices);
        Assert.True(note.Internal);
        Assert.Equal(first.Result!.Operation.Id, note.CounterpartOperation);
        Assert.Single(await new NoticeAccess(world.Store).EventsAsync(us, 0, 100, None));
    }

    [ContractFact]
    public async Task Cancelling_resolves_open_conflicts_and_readers_may_not_register()
    {
        var world = World();
        var us = await world.DutyAsync("us");
        var ru = await world.DutyAsync("ru");
        var reader = await world.DutyAsync("ru", MemberRole.Reader);
        var access = new OperationAccess(world.Store);
        var mine = await access.RegisterAsync(us, world.Circle(us, 34.53, 69.17, 3_000), None);
        await access.RegisterAsync(ru, world.Circle(ru, 34.53, 69.17, 3_000), None);

        var cancelled = await access.CancelAsync(us, OperationId.Parse(mine.Result!.Operation.Id), None);

        Assert.Equal(("resolved", "cancelled (by you)"), (cancelled.Result!.Notices[0].State, cancelled.Result.Notices[0].Resolution));
        Assert.Equal(OperationOutcomeKind.Closed, (await access.CancelAsync(us, OperationId.Parse(mine.Result.Operation.Id), None)).Kind);
        Assert.Equal(OperationOutcomeKind.Forbidden, (await access.RegisterAsync(reader, world.Circle(ru, 34.53, 69.17, 3_000), None)).Kind);
    }

    [ContractFact]
    public async Task Racing_registrations_on_two_store_instances_miss_no_conflict()
    {
        var world = World();
        var us = await world.DutyAsync("us");
        var ru = await world.DutyAsync("ru");
        await using var other = SecondInstance(world.Store);
        var stores = new[] { world.Store, other };

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            var actor = i % 2 == 0 ? us : ru;
            var outcome = await new OperationAccess(stores[i % 2]).RegisterAsync(actor, world.Circle(actor, 34.53, 69.17, 3_000), None);
            Assert.Equal(OperationOutcomeKind.Done, outcome.Kind);
        })));

        // 12 operations all overlapping: every pair conflicts exactly once (66), as 6×6 between parties plus 15 internal to each.
        var usConflicts = await new NoticeAccess(world.Store).ListAsync(us, false, None);
        var ruConflicts = await new NoticeAccess(other).ListAsync(ru, false, None);
        Assert.Equal(36 + 15, usConflicts.Count);
        Assert.Equal(36 + 15, ruConflicts.Count);
        Assert.Equal(66, usConflicts.Concat(ruConflicts).Select(c => c.ConflictId).Distinct().Count());
    }

    [ContractFact]
    public async Task Operations_never_appear_in_object_reads()
    {
        var world = World();
        var us = await world.DutyAsync("us");
        await new OperationAccess(world.Store).RegisterAsync(us, world.Circle(us, 34.53, 69.17, 3_000), None);

        var page = await world.Store.Objects.ListAsync(us.Reader!, new ObjectQuery(), None);

        Assert.Empty(page.Items);
    }
}
