using Concord.Domain.Directory;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Storage.Directory;
using Concord.Storage.Tests.Backends;

namespace Concord.Storage.Tests.Directory;

/// <summary>What every backend must do with parties, channels, membership, members and keys.</summary>
public abstract class DirectoryStoreContractTests(StoreFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _tag = Guid.NewGuid().ToString("N")[..6];

    private IDirectoryStore Directory => fixture.Shared.Store.Directory;

    private PartyId NewPartyId(string name) => PartyId.Parse($"{name}-{_tag}");

    private async Task<Party> AddPartyAsync(string name, string? country = "ru")
    {
        var party = new Party(NewPartyId(name), $"Service {name}", country, PartyKind.StateService, StixId.New("identity"));
        await Directory.AddPartyAsync(party, None);
        return party;
    }

    [ContractFact]
    public async Task Added_party_reads_back_and_is_listed()
    {
        var party = await AddPartyAsync("fsb");
        var organisation = new Party(NewPartyId("unoct"), "UN Office of Counter-Terrorism", null, PartyKind.InternationalOrganisation, StixId.New("identity"));
        await Directory.AddPartyAsync(organisation, None);

        Assert.Equal(party, await Directory.GetPartyAsync(party.Id, None));
        Assert.Equal(organisation, await Directory.GetPartyAsync(organisation.Id, None));
        var listed = await Directory.ListPartiesAsync(None);
        Assert.Contains(party, listed);
        Assert.Equal(listed.Select(p => p.Id.Value).Order(StringComparer.Ordinal), listed.Select(p => p.Id.Value));
    }

    [ContractFact]
    public async Task Unknown_things_read_as_absent()
    {
        Assert.Null(await Directory.GetPartyAsync(NewPartyId("nobody"), None));
        Assert.Null(await Directory.GetChannelAsync(ChannelId.Parse($"none-{_tag}"), None));
        Assert.Null(await Directory.GetMemberAsync(MemberId.Of("ghost", NewPartyId("nobody")), None));
        Assert.Null(await Directory.FindKeyAsync($"key-{_tag}", None));
        Assert.Empty(await Directory.ListChannelMembersAsync(ChannelId.Parse($"none-{_tag}"), None));
    }

    [ContractFact]
    public async Task Adding_a_party_with_a_taken_id_or_identity_is_a_conflict()
    {
        var party = await AddPartyAsync("ssg");

        await Assert.ThrowsAsync<DirectoryConflictException>(() => Directory.AddPartyAsync(party with { IdentityId = StixId.New("identity") }, None));
        await Assert.ThrowsAsync<DirectoryConflictException>(() => Directory.AddPartyAsync(party with { Id = NewPartyId("other") }, None));
        Assert.Null(await Directory.GetPartyAsync(NewPartyId("other"), None));
    }

    [ContractFact]
    public async Task Channel_reads_back_and_a_taken_id_is_a_conflict()
    {
        var channel = new Channel(ChannelId.Parse($"kabul-{_tag}"), "Kabul regional conference", "Roadmap of joint security threats");
        await Directory.AddChannelAsync(channel, None);

        Assert.Equal(channel, await Directory.GetChannelAsync(channel.Id, None));
        Assert.Contains(channel, await Directory.ListChannelsAsync(None));
        await Assert.ThrowsAsync<DirectoryConflictException>(() => Directory.AddChannelAsync(channel with { Name = "again" }, None));
    }

    [ContractFact]
    public async Task Channel_membership_is_added_once_listed_both_ways_and_removed()
    {
        var ru = await AddPartyAsync("ru");
        var pk = await AddPartyAsync("pk");
        var channel = new Channel(ChannelId.Parse($"pk-ru-jwg-{_tag}"), "Pakistan-Russia JWG", null);
        await Directory.AddChannelAsync(channel, None);

        await Directory.AddChannelMemberAsync(channel.Id, ru.Id, None);
        await Directory.AddChannelMemberAsync(channel.Id, pk.Id, None);
        await Directory.AddChannelMemberAsync(channel.Id, pk.Id, None);

        Assert.Equal([pk.Id, ru.Id], (await Directory.ListChannelMembersAsync(channel.Id, None)).OrderBy(p => p.Value, StringComparer.Ordinal));
        Assert.Equal([channel.Id], await Directory.ListChannelsOfAsync(pk.Id, None));

        await Directory.RemoveChannelMemberAsync(channel.Id, pk.Id, None);

        Assert.Equal([ru.Id], await Directory.ListChannelMembersAsync(channel.Id, None));
        Assert.Empty(await Directory.ListChannelsOfAsync(pk.Id, None));
    }

    [ContractFact]
    public async Task Membership_of_an_unknown_party_or_channel_is_a_conflict()
    {
        var ru = await AddPartyAsync("ru");
        var channel = new Channel(ChannelId.Parse($"wg-{_tag}"), "Working group", null);
        await Directory.AddChannelAsync(channel, None);

        await Assert.ThrowsAsync<DirectoryConflictException>(() => Directory.AddChannelMemberAsync(channel.Id, NewPartyId("nobody"), None));
        await Assert.ThrowsAsync<DirectoryConflictException>(() => Directory.AddChannelMemberAsync(ChannelId.Parse($"none-{_tag}"), ru.Id, None));
        Assert.Empty(await Directory.ListChannelMembersAsync(channel.Id, None));
    }

    [ContractFact]
    public async Task Members_read_back_list_by_party_and_can_be_disabled()
    {
        var ru = await AddPartyAsync("ru");
        var analyst = new Member(MemberId.Of("analyst", ru.Id), "Duty analyst", MemberRole.Analyst);
        var liaison = new Member(MemberId.Of("liaison", ru.Id), "Liaison officer", MemberRole.Liaison);
        var admin = new Member(MemberId.Parse($"admin-{_tag}@node"), "Node administrator", MemberRole.Administrator);
        foreach (var member in new[] { liaison, analyst, admin })
        {
            await Directory.AddMemberAsync(member, None);
        }

        Assert.Equal(analyst, await Directory.GetMemberAsync(analyst.Id, None));
        Assert.Equal([analyst, liaison], await Directory.ListMembersAsync(ru.Id, None));
        Assert.Contains(admin, await Directory.ListMembersAsync(null, None));

        await Directory.SetMemberDisabledAsync(analyst.Id, true, None);
        Assert.True((await Directory.GetMemberAsync(analyst.Id, None))!.Disabled);
        await Directory.SetMemberDisabledAsync(analyst.Id, false, None);
        Assert.False((await Directory.GetMemberAsync(analyst.Id, None))!.Disabled);
    }

    [ContractFact]
    public async Task Adding_a_taken_member_or_one_of_an_unknown_party_is_a_conflict()
    {
        var ru = await AddPartyAsync("ru");
        var member = new Member(MemberId.Of("analyst", ru.Id), "Analyst", MemberRole.Analyst);
        await Directory.AddMemberAsync(member, None);

        await Assert.ThrowsAsync<DirectoryConflictException>(() => Directory.AddMemberAsync(member with { DisplayName = "Again" }, None));
        await Assert.ThrowsAsync<DirectoryConflictException>(() => Directory.AddMemberAsync(new Member(MemberId.Of("analyst", NewPartyId("nobody")), "Orphan", MemberRole.Analyst), None));
    }

    [ContractFact]
    public async Task Keys_are_stored_found_listed_and_revoked_once()
    {
        var ru = await AddPartyAsync("ru");
        var member = new Member(MemberId.Of("analyst", ru.Id), "Analyst", MemberRole.Analyst);
        await Directory.AddMemberAsync(member, None);
        var created = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var first = new StoredKey($"k1-{_tag}", member.Id, [1, 2, 3], created, null);
        var second = new StoredKey($"k2-{_tag}", member.Id, [4, 5, 6], created.AddDays(1), null);
        await Directory.AddKeyAsync(first, None);
        await Directory.AddKeyAsync(second, None);

        var found = await Directory.FindKeyAsync(first.KeyId, None);
        Assert.Equal((first.KeyId, first.Member, first.Created, (DateTimeOffset?)null), (found!.KeyId, found.Member, found.Created, found.Revoked));
        Assert.Equal(first.Hash, found.Hash);
        Assert.Equal([first.KeyId, second.KeyId], (await Directory.ListKeysAsync(member.Id, None)).Select(k => k.KeyId));

        var at = created.AddDays(7);
        Assert.True(await Directory.RevokeKeyAsync(first.KeyId, at, None));
        Assert.False(await Directory.RevokeKeyAsync(first.KeyId, at.AddDays(1), None));
        Assert.False(await Directory.RevokeKeyAsync($"missing-{_tag}", at, None));
        Assert.Equal(at, (await Directory.FindKeyAsync(first.KeyId, None))!.Revoked);
        Assert.Null((await Directory.FindKeyAsync(second.KeyId, None))!.Revoked);
    }

    [ContractFact]
    public async Task Key_of_an_unknown_member_is_a_conflict()
    {
        var key = new StoredKey($"orphan-{_tag}", MemberId.Of("ghost", NewPartyId("nobody")), [9], DateTimeOffset.UtcNow, null);

        await Assert.ThrowsAsync<DirectoryConflictException>(() => Directory.AddKeyAsync(key, None));
        Assert.Null(await Directory.FindKeyAsync(key.KeyId, None));
    }
}
