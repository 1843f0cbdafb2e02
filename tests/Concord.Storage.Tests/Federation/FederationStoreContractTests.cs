using Concord.Domain.Directory;
using Concord.Domain.Federation;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Domain.Versioning;
using Concord.Storage.Federation;
using Concord.Storage.Inbox;
using Concord.Storage.Objects;
using Concord.Storage.Tests.Backends;
using Concord.Storage.Tests.Support;

namespace Concord.Storage.Tests.Federation;

/// <summary>
/// What every backend must keep for federation: the node's identity, peers, cursors, the outbox of withdrawals and the
/// refusals; and what federation adds to objects: signatures, merged releases, withdrawals, and the sync feed's filters.
/// </summary>
public abstract class FederationStoreContractTests(StoreFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private IConcordStore Store => fixture.Shared.Store;

    private IFederationStore Federation => Store.Federation;

    private IObjectStore Objects => Store.Objects;

    [ContractFact]
    public async Task The_identity_is_made_once_and_a_second_one_is_ignored()
    {
        var store = (await fixture.CreateStoreAsync()).Store;
        var first = new NodeIdentity(NodeId.Parse("node-first"), Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        var second = new NodeIdentity(NodeId.Parse("node-second"), new byte[32]);

        Assert.Null(await store.Federation.GetIdentityAsync(None));
        var made = await store.Federation.CreateIdentityAsync(first, None);
        var again = await store.Federation.CreateIdentityAsync(second, None);

        foreach (var identity in new[] { made, again, (await store.Federation.GetIdentityAsync(None))! })
        {
            Assert.Equal(first.Node, identity.Node);
            Assert.Equal(first.Seed, identity.Seed);
        }
    }

    [ContractFact]
    public async Task Peers_are_added_replaced_listed_and_removed_with_their_cursors_and_outbox()
    {
        var tag = NewTag();
        var moscow = NodeId.Parse($"node-msk-{tag}");
        var beijing = NodeId.Parse($"node-pek-{tag}");
        var key = new NodePublicKey(Enumerable.Repeat((byte)7, 32).ToArray());
        await Federation.PutPeerAsync(new Peer(moscow, new Uri("https://msk.example/"), "secret-1", key, Pull: true, Push: false), None);
        await Federation.PutPeerAsync(new Peer(beijing, new Uri("https://pek.example/"), null, null, Pull: false, Push: true), None);
        await Federation.PutPeerAsync(new Peer(moscow, new Uri("https://msk2.example/taxii"), null, null, Pull: false, Push: true), None);

        var peers = (await Federation.ListPeersAsync(None)).Where(p => p.Node.Value.EndsWith(tag, StringComparison.Ordinal)).ToList();

        Assert.Equal([moscow, beijing], peers.Select(p => p.Node));
        var replaced = Assert.Single(peers, p => p.Node == moscow);
        Assert.Equal(new Peer(moscow, new Uri("https://msk2.example/taxii"), null, null, false, true), replaced);

        await Federation.PutPeerAsync(new Peer(beijing, new Uri("https://pek.example/"), "secret-2", key, Pull: true, Push: true), None);
        var keyed = Assert.Single(await Federation.ListPeersAsync(None), p => p.Node == beijing);
        Assert.Equal("secret-2", keyed.Credential);
        Assert.Equal(key, keyed.PublicKey);
        Assert.True(keyed.Pull && keyed.Push);

        await Federation.SetCursorAsync(moscow, "objects", "42", None);
        await Federation.QueueWithdrawalsAsync([WithdrawalFor(moscow, PartyId.Parse($"ru-{tag}"))], None);
        await Federation.SetCursorAsync(beijing, "objects", "7", None);
        await Federation.QueueWithdrawalsAsync([WithdrawalFor(beijing, PartyId.Parse($"ru-{tag}"))], None);

        Assert.True(await Federation.RemovePeerAsync(moscow, None));
        Assert.False(await Federation.RemovePeerAsync(moscow, None));

        Assert.DoesNotContain(await Federation.ListPeersAsync(None), p => p.Node == moscow);
        Assert.Null(await Federation.GetCursorAsync(moscow, "objects", None));
        Assert.Empty(await Federation.ListWithdrawalsAsync(moscow, 10, None));
        Assert.Equal("7", await Federation.GetCursorAsync(beijing, "objects", None));
        Assert.Single(await Federation.ListWithdrawalsAsync(beijing, 10, None));
    }

    [ContractFact]
    public async Task Tombstones_remember_what_a_node_withdrew_per_object_until_that_node_releases_it_again()
    {
        var tag = NewTag();
        var moscow = NodeId.Parse($"node-msk-{tag}");
        var tashkent = NodeId.Parse($"node-tas-{tag}");
        var report = StixId.New("report");
        var actor = StixId.New("threat-actor");
        var jwg = ChannelId.Parse($"jwg-{tag}");
        var isi = PartyId.Parse($"isi-{tag}");
        await Federation.AddTombstonesAsync(moscow, report, new Release([isi], [jwg]), None);
        await Federation.AddTombstonesAsync(moscow, report, new Release([isi], []), None);
        await Federation.AddTombstonesAsync(tashkent, actor, null, None);
        await Federation.AddTombstonesAsync(moscow, StixId.New("report"), null, None);

        var found = await Federation.GetTombstonesAsync([report, actor, StixId.New("report")], None);

        Assert.Equal(2, found.Count);
        var partial = found[(moscow, report)];
        Assert.False(partial.All);
        Assert.Equal(new Release([isi], [jwg]), partial.Withdrawn);
        Assert.True(found[(tashkent, actor)].All);
        Assert.Equal(Release.None, found[(tashkent, actor)].Apply(new Release([isi], [jwg])));
        Assert.Equal(new Release([PartyId.Parse("us-fbi")], []), partial.Apply(new Release([isi, PartyId.Parse("us-fbi")], [jwg])));

        await Federation.ClearTombstonesAsync(moscow, report, new Release([], [jwg]), None);
        await Federation.ClearTombstonesAsync(tashkent, actor, new Release([isi], []), None);
        var after = await Federation.GetTombstonesAsync([report, actor], None);

        Assert.Equal(new Release([isi], []), Assert.Single(after).Value.Withdrawn);
        Assert.Empty(await Federation.GetTombstonesAsync([], None));
    }

    [ContractFact]
    public async Task A_cursor_is_kept_per_peer_and_stream_and_replaced_when_set_again()
    {
        var tag = NewTag();
        var peer = NodeId.Parse($"node-a-{tag}");
        var other = NodeId.Parse($"node-b-{tag}");

        Assert.Null(await Federation.GetCursorAsync(peer, "objects", None));
        await Federation.SetCursorAsync(peer, "objects", "100", None);
        await Federation.SetCursorAsync(peer, "withdrawals", "3", None);
        await Federation.SetCursorAsync(other, "objects", "9", None);
        await Federation.SetCursorAsync(peer, "objects", "250", None);

        Assert.Equal("250", await Federation.GetCursorAsync(peer, "objects", None));
        Assert.Equal("3", await Federation.GetCursorAsync(peer, "withdrawals", None));
        Assert.Equal("9", await Federation.GetCursorAsync(other, "objects", None));
        Assert.Null(await Federation.GetCursorAsync(other, "withdrawals", None));
    }

    [ContractFact]
    public async Task An_import_stores_the_signature_a_record_carries_and_none_for_a_record_without()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var signed = TestObject.ThreatActor(1, "signed by the originating node");
        var unsigned = TestObject.ThreatActor(1, "imported locally");
        var signature = Enumerable.Range(0, 64).Select(i => (byte)(255 - i)).ToArray();

        await using (var session = await Objects.BeginImportAsync(allOrNothing: false, None))
        {
            var verdicts = await session.WriteAsync([Records.Of(signed, ru) with { Signature = signature }, Records.Of(unsigned, ru)], None);
            Assert.Equal([VersionVerdict.Insert, VersionVerdict.Insert], verdicts);
        }

        var reader = await world.ReaderAsync(ru);
        var signedPk = (await Objects.GetLatestAsync(reader, signed.Id, None))!.Pk;
        var unsignedPk = (await Objects.GetLatestAsync(reader, unsigned.Id, None))!.Pk;

        var signatures = await Federation.GetSignaturesAsync([signedPk, unsignedPk, -1], None);

        Assert.Equal([signedPk], signatures.Keys);
        Assert.Equal(signature, signatures[signedPk]);
        Assert.Empty(await Federation.GetSignaturesAsync([], None));
    }

    [ContractFact]
    public async Task The_same_content_under_another_release_merges_the_release_into_the_held_version()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var us = await world.PartyAsync("us");
        var kz = await world.PartyAsync("kz");
        var obj = TestObject.ThreatActor(1, "sent once per party");

        Assert.Equal([VersionVerdict.Insert], await WriteAsync(Records.Of(obj, ru, ReleaseTo(us))));
        Assert.Equal([VersionVerdict.Conflict], await WriteAsync(Records.Of(obj, ru, ReleaseTo(kz))));
        Assert.Null(await Objects.GetLatestAsync(await world.ReaderAsync(kz), obj.Id, None));

        Assert.Equal([VersionVerdict.Unchanged], await WriteAsync(Records.Of(obj, ru, ReleaseTo(kz)) with { MergeRelease = true }));

        var held = Assert.Single(await Objects.GetVersionsAsync(await world.ReaderAsync(ru), obj.Id, None));
        Assert.Equal(ReleaseTo(us, kz), held.Distribution.Release);
        Assert.NotNull(await Objects.GetLatestAsync(await world.ReaderAsync(us), obj.Id, None));
        Assert.NotNull(await Objects.GetLatestAsync(await world.ReaderAsync(kz), obj.Id, None));
    }

    [ContractFact]
    public async Task A_release_merges_into_a_version_written_earlier_in_the_same_batch()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var us = await world.PartyAsync("us");
        var kz = await world.PartyAsync("kz");
        var obj = TestObject.ThreatActor(1, "two copies in one batch");

        var verdicts = await WriteAsync(Records.Of(obj, ru, ReleaseTo(us)), Records.Of(obj, ru, ReleaseTo(kz)) with { MergeRelease = true });

        Assert.Equal([VersionVerdict.Insert, VersionVerdict.Unchanged], verdicts);
        var held = Assert.Single(await Objects.GetVersionsAsync(await world.ReaderAsync(ru), obj.Id, None));
        Assert.Equal(ReleaseTo(us, kz), held.Distribution.Release);
    }

    [ContractFact]
    public async Task Different_content_under_the_same_key_stays_a_conflict_even_when_merging()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var us = await world.PartyAsync("us");
        var kz = await world.PartyAsync("kz");
        var obj = TestObject.ThreatActor(1, "the original");
        var altered = obj with { Description = "altered on the way" };

        await WriteAsync(Records.Of(obj, ru, ReleaseTo(us)));
        var verdicts = await WriteAsync(Records.Of(altered, ru, ReleaseTo(kz)) with { MergeRelease = true });

        Assert.Equal([VersionVerdict.Conflict], verdicts);
        var held = Assert.Single(await Objects.GetVersionsAsync(await world.ReaderAsync(ru), obj.Id, None));
        Assert.Equal(ReleaseTo(us), held.Distribution.Release);
        Assert.Null(await Objects.GetLatestAsync(await world.ReaderAsync(kz), obj.Id, None));
    }

    [ContractFact]
    public async Task Withdrawing_part_of_a_release_takes_it_out_of_every_version_and_keeps_the_versions()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var us = await world.PartyAsync("us");
        var kz = await world.PartyAsync("kz");
        var group = await world.ChannelAsync("group", kz);
        var v1 = TestObject.ThreatActor(1, "withdrawn in part");
        var v2 = v1 with { Version = 2 };
        var mine = TestObject.ThreatActor(1, "another object of the same originator");
        await WriteAsync(Records.Of(v1, ru, ReleaseTo([us, kz], [group])), Records.Of(v2, ru, ReleaseTo([us, kz], [group])), Records.Of(mine, ru, ReleaseTo(us)));

        var outcome = await Federation.WithdrawAsync(ru, v1.Id, ReleaseTo([us], [group]), purgeEmptied: true, None);

        Assert.Equal(new WithdrawOutcome(4, 0), outcome);
        Assert.Empty(await Objects.GetVersionsAsync(await world.ReaderAsync(us), v1.Id, None));
        var left = await Objects.GetVersionsAsync(await world.ReaderAsync(kz), v1.Id, None);
        Assert.Equal([v1.VersionTicks, v2.VersionTicks], left.Select(v => v.Version.Ticks));
        Assert.All(left, v => Assert.Equal(ReleaseTo(kz), v.Distribution.Release));
        Assert.NotNull(await Objects.GetLatestAsync(await world.ReaderAsync(us), mine.Id, None));
    }

    [ContractFact]
    public async Task Withdrawing_everything_without_purging_leaves_the_versions_with_their_originator()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var us = await world.PartyAsync("us");
        var v1 = TestObject.ThreatActor(1, "withdrawn whole");
        var v2 = v1 with { Version = 2 };
        await WriteAsync(Records.Of(v1, ru, ReleaseTo(us)), Records.Of(v2, ru, ReleaseTo(us)));

        var outcome = await Federation.WithdrawAsync(ru, v1.Id, null, purgeEmptied: false, None);

        Assert.Equal(new WithdrawOutcome(2, 0), outcome);
        Assert.Empty(await Objects.GetVersionsAsync(await world.ReaderAsync(us), v1.Id, None));
        var kept = await Objects.GetVersionsAsync(await world.ReaderAsync(ru), v1.Id, None);
        Assert.Equal(2, kept.Count);
        Assert.All(kept, v => Assert.True(v.Distribution.Release.IsEmpty));
    }

    [ContractFact]
    public async Task Purging_deletes_only_the_emptied_versions_with_their_signatures_search_entries_and_read_marks()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var us = await world.PartyAsync("us");
        var kz = await world.PartyAsync("kz");
        var v1 = TestObject.ThreatActor(1, "Purgeable zebrafinch");
        var v2 = v1 with { Version = 2, Name = "Purgeable yellowhammer" };
        var other = TestObject.ThreatActor(1, "Untouched zebrafinch");
        var signature = new byte[64];
        await WriteAsync(
            Records.Of(v1, ru, ReleaseTo(us)) with { Signature = signature },
            Records.Of(v2, ru, ReleaseTo(us, kz)) with { Signature = signature },
            Records.Of(other, ru, ReleaseTo(us)) with { Signature = signature });
        var owner = await world.ReaderAsync(ru);
        var pks = (await Objects.GetVersionsAsync(owner, v1.Id, None)).Select(v => v.Pk).ToArray();
        var otherPk = (await Objects.GetLatestAsync(owner, other.Id, None))!.Pk;
        Assert.Equal(2, (await Search(owner, "zebrafinch")).Count);

        var partly = await Federation.WithdrawAsync(ru, v1.Id, ReleaseTo(us), purgeEmptied: true, None);

        Assert.Equal(new WithdrawOutcome(2, 1), partly);
        var left = Assert.Single(await Objects.GetVersionsAsync(owner, v1.Id, None));
        Assert.Equal(pks[1], left.Pk);
        Assert.Equal([other.Id], (await Search(owner, "zebrafinch")).Select(v => v.Id));
        Assert.Equal([v1.Id], (await Search(owner, "yellowhammer")).Select(v => v.Id));
        Assert.Equal([pks[1], otherPk], (await Federation.GetSignaturesAsync([.. pks, otherPk], None)).Keys.Order());

        var member = MemberId.Of("analyst", kz);
        var key = new ObjectVersionKey(v1.Id, v2.VersionTicks);
        await Store.ReadMarks.MarkAsync(member, [key], None);

        var whole = await Federation.WithdrawAsync(ru, v1.Id, null, purgeEmptied: true, None);

        Assert.Equal(new WithdrawOutcome(1, 1), whole);
        Assert.Empty(await Objects.GetVersionsAsync(owner, v1.Id, None));
        Assert.Null(await Objects.GetLatestAsync(await world.ReaderAsync(kz), v1.Id, None));
        Assert.Empty(await Search(owner, "yellowhammer"));
        Assert.Empty(await Search(owner, "purgeable"));
        Assert.Equal([otherPk], (await Federation.GetSignaturesAsync([.. pks, otherPk], None)).Keys);
        Assert.Empty((await Store.ReadMarks.GetAsync(member, [key], None)).Read);
        Assert.NotNull(await Objects.GetLatestAsync(await world.ReaderAsync(us), other.Id, None));
    }

    [ContractFact]
    public async Task A_store_key_is_never_given_out_again_after_its_version_was_purged()
    {
        // Push cursors are store keys: a version written after the newest one was purged must come after the cursor.
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var us = await world.PartyAsync("us");
        var owner = await world.ReaderAsync(ru);
        var newest = TestObject.ThreatActor(1, "Purged kestrel");
        await WriteAsync(Records.Of(newest, ru, ReleaseTo(us)));
        var purgedPk = (await Objects.GetLatestAsync(owner, newest.Id, None))!.Pk;

        Assert.Equal(new WithdrawOutcome(1, 1), await Federation.WithdrawAsync(ru, newest.Id, null, purgeEmptied: true, None));
        var next = TestObject.ThreatActor(1, "Later kestrel");
        await WriteAsync(Records.Of(next, ru, ReleaseTo(us)));

        Assert.True((await Objects.GetLatestAsync(owner, next.Id, None))!.Pk > purgedPk);
    }

    [ContractFact]
    public async Task Withdrawals_are_listed_oldest_first_per_peer_until_removed()
    {
        var tag = NewTag();
        var peer = NodeId.Parse($"node-out-{tag}");
        var other = NodeId.Parse($"node-else-{tag}");
        var ru = PartyId.Parse($"ru-{tag}");
        var queued = new[]
        {
            WithdrawalFor(peer, ru) with { Withdrawn = ReleaseTo([PartyId.Parse($"us-{tag}"), PartyId.Parse($"kz-{tag}")], [ChannelId.Parse($"wg-{tag}")]) },
            WithdrawalFor(other, ru),
            WithdrawalFor(peer, ru) with { Withdrawn = ReleaseTo([], [ChannelId.Parse($"wg-{tag}")]) },
            WithdrawalFor(peer, ru),
        };
        await Federation.QueueWithdrawalsAsync(queued[..2], None);
        await Federation.QueueWithdrawalsAsync(queued[2..], None);

        var listed = await Federation.ListWithdrawalsAsync(peer, 10, None);

        Assert.Equal([queued[0], queued[2], queued[3]], listed.Select(w => w with { Seq = 0 }));
        Assert.True(listed[0].Seq < listed[1].Seq && listed[1].Seq < listed[2].Seq);
        Assert.Equal(listed.Take(2).Select(w => w.Seq), (await Federation.ListWithdrawalsAsync(peer, 2, None)).Select(w => w.Seq));

        await Federation.RemoveWithdrawalAsync(listed[0].Seq, None);

        Assert.Equal(listed.Skip(1).Select(w => w.Seq), (await Federation.ListWithdrawalsAsync(peer, 10, None)).Select(w => w.Seq));
        Assert.Equal([queued[1]], (await Federation.ListWithdrawalsAsync(other, 10, None)).Select(w => w with { Seq = 0 }));
    }

    [ContractFact]
    public async Task Refusals_are_listed_newest_first()
    {
        var store = (await fixture.CreateStoreAsync()).Store;
        var peer = NodeId.Parse("node-refused");
        var at = new DateTimeOffset(2026, 11, 5, 9, 30, 0, TimeSpan.Zero);
        var refusals = new[]
        {
            new RefusalRecord(at, peer, "threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", IngestRefusal.BadSignature, "signature does not verify"),
            new RefusalRecord(at.AddSeconds(1), peer, null, IngestRefusal.Invalid, "not STIX"),
            new RefusalRecord(at.AddSeconds(2), NodeId.Parse("node-other"), "indicator--5c2b2d2b-17d4-4cbf-938f-98ee46b3cd3f", IngestRefusal.Conflict, "conflicts with a held version"),
        };
        foreach (var refusal in refusals)
        {
            await store.Federation.RecordRefusalAsync(refusal, None);
        }

        Assert.Equal(refusals.AsEnumerable().Reverse(), await store.Federation.ListRefusalsAsync(10, None));
        Assert.Equal([refusals[2], refusals[1]], await store.Federation.ListRefusalsAsync(2, None));
    }

    [ContractFact]
    public async Task A_partners_party_joining_a_channel_logs_the_channels_versions_once_and_a_local_party_logs_nothing()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var kz = await world.PartyAsync("kz");
        var jwg = await world.ChannelAsync("jwg", ru);
        var tag = NewTag();
        var partner = new Party(PartyId.Parse($"cn-{tag}"), "Partner service", "CN", PartyKind.StateService, StixId.New("identity")) { Node = NodeId.Parse($"node-cn-{tag}") };
        await Store.Directory.AddPartyAsync(partner, None);
        var first = TestObject.ThreatActor(1, "in the channel").ReleasedTo(jwg);
        var second = first with { Version = 2 };
        var elsewhere = TestObject.ThreatActor(1, "released to kz").ReleasedTo(kz);
        await world.ImportAsync(ru, first, second, elsewhere);

        await Store.Directory.AddChannelMemberAsync(jwg, kz, None);
        var afterLocal = await ChangesSinceAsync(0);
        await Store.Directory.AddChannelMemberAsync(jwg, partner.Id, None);
        var logged = await ChangesSinceAsync(afterLocal.Count == 0 ? 0 : afterLocal[^1].Seq);
        await Store.Directory.AddChannelMemberAsync(jwg, partner.Id, None);
        var again = await ChangesSinceAsync(logged.Count == 0 ? 0 : logged[^1].Seq);

        Assert.DoesNotContain(afterLocal, c => c.ObjectId == first.Id);
        Assert.Equal([first.Id, first.Id], logged.Where(c => c.ObjectId == first.Id || c.ObjectId == elsewhere.Id).Select(c => c.ObjectId));
        Assert.Empty(again);
        Assert.Contains(partner.Id, (await Store.Directory.ListChannelMembersAsync(jwg, None)));
    }

    private async Task<IReadOnlyList<ReleaseChange>> ChangesSinceAsync(long seq)
    {
        var changes = new List<ReleaseChange>();
        while (true)
        {
            var page = await Store.Federation.ListReleaseChangesAsync(seq, 1000, None);
            if (page.Count == 0)
            {
                return changes;
            }

            changes.AddRange(page);
            seq = page[^1].Seq;
        }
    }

    [ContractFact]
    public async Task A_party_keeps_the_node_that_hosts_it()
    {
        var tag = NewTag();
        var node = NodeId.Parse($"node-host-{tag}");
        var remote = new Party(PartyId.Parse($"cn-{tag}"), "Partner service", "CN", PartyKind.StateService, StixId.New("identity")) { Node = node };
        var local = new Party(PartyId.Parse($"ru-{tag}"), "Local service", "RU", PartyKind.StateService, StixId.New("identity"));
        await Store.Directory.AddPartyAsync(remote, None);
        await Store.Directory.AddPartyAsync(local, None);

        Assert.Equal(remote, await Store.Directory.GetPartyAsync(remote.Id, None));
        Assert.Equal(node, (await Store.Directory.GetPartyAsync(remote.Id, None))!.Node);
        Assert.True((await Store.Directory.GetPartyAsync(local.Id, None))!.IsLocal);
        var listed = (await Store.Directory.ListPartiesAsync(None)).Where(p => p.Id.Value.EndsWith(tag, StringComparison.Ordinal));
        Assert.Equal([remote, local], listed.OrderBy(p => p.Id.Value, StringComparer.Ordinal));
    }

    [ContractFact]
    public async Task All_versions_lists_every_readable_version_and_the_default_only_the_latest_readable()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var us = await world.PartyAsync("us");
        var kz = await world.PartyAsync("kz");
        var v1 = TestObject.ThreatActor(1, "versioned");
        var v2 = v1 with { Version = 2 };
        var v3 = v1 with { Version = 3 };
        await WriteAsync(Records.Of(v1, ru, ReleaseTo(us)), Records.Of(v2, ru, ReleaseTo(us)), Records.Of(v3, ru, ReleaseTo(kz)));
        var reader = await world.ReaderAsync(us);

        var latest = await Listing.AllPagesAsync(Objects, reader, new ObjectQuery());
        var all = await Listing.AllPagesAsync(Objects, reader, new ObjectQuery { AllVersions = true, Limit = 1 });
        var allNewestFirst = (await Objects.ListAsync(reader, new ObjectQuery { AllVersions = true, NewestFirst = true }, None)).Items;

        Assert.Equal([v2.VersionTicks], latest.Select(v => v.Version.Ticks));
        Assert.Equal([v1.VersionTicks, v2.VersionTicks], all.Select(v => v.Version.Ticks));
        Assert.Equal([v2.VersionTicks, v1.VersionTicks], allNewestFirst.Select(v => v.Version.Ticks));
        Assert.Equal(3, (await Listing.AllPagesAsync(Objects, await world.ReaderAsync(ru), new ObjectQuery { AllVersions = true })).Count);
        Assert.Equal(2, await Objects.CountAsync(reader, new ObjectQuery { AllVersions = true }, None));
    }

    [ContractFact]
    public async Task Added_after_lists_only_what_was_stored_after_the_instant()
    {
        var world = new TestWorld(Store);
        var ru = await world.PartyAsync("ru");
        var first = TestObject.ThreatActor(1, "stored first");
        var v1 = TestObject.ThreatActor(1, "stored later");
        var v2 = v1 with { Version = 2 };
        await WriteAsync(Records.Of(first, ru));
        var reader = await world.ReaderAsync(ru);
        var firstAdded = (await Objects.GetLatestAsync(reader, first.Id, None))!.Added.UtcTicks;
        await Task.Delay(TimeSpan.FromMilliseconds(5));
        await WriteAsync(Records.Of(v1, ru), Records.Of(v2, ru));

        var later = await Listing.AllPagesAsync(Objects, reader, new ObjectQuery { AddedAfter = firstAdded });
        var laterVersions = await Listing.AllPagesAsync(Objects, reader, new ObjectQuery { AddedAfter = firstAdded, AllVersions = true });
        var everything = await Listing.AllPagesAsync(Objects, reader, new ObjectQuery { AddedAfter = firstAdded - 1 });

        Assert.Equal([(v1.Id, v2.VersionTicks)], later.Select(v => (v.Id, v.Version.Ticks)));
        Assert.Equal([v1.VersionTicks, v2.VersionTicks], laterVersions.Select(v => v.Version.Ticks));
        Assert.Equal([first.Id, v1.Id], everything.Select(v => v.Id));
    }

    private static string NewTag() => Guid.NewGuid().ToString("N")[..8];

    private static Release ReleaseTo(params PartyId[] parties) => new(parties, []);

    private static Release ReleaseTo(PartyId[] parties, ChannelId[] channels) => new(parties, channels);

    private static Withdrawal WithdrawalFor(NodeId peer, PartyId originator) =>
        new(0, peer, StixId.New("threat-actor"), originator, ReleaseTo([PartyId.Parse($"us-{peer.Value[^8..]}")], []));

    private async Task<IReadOnlyList<StoredVersion>> Search(Reader reader, string text) =>
        await Listing.AllPagesAsync(Objects, reader, new ObjectQuery { Text = text, AllVersions = true });

    /// <summary>Writes one batch through an import session, as a peer's arrivals are written, and commits it.</summary>
    private async Task<IReadOnlyList<VersionVerdict>> WriteAsync(params VersionRecord[] records)
    {
        await using var session = await Objects.BeginImportAsync(allOrNothing: false, None);
        var verdicts = await session.WriteAsync(records, None);
        await session.CommitAsync(None);
        return verdicts;
    }
}
