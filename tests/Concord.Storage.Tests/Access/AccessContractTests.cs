using System.Text;
using Concord.Domain.Audit;
using Concord.Domain.Directory;
using Concord.Domain.Releasability;
using Concord.Storage.Access;
using Concord.Storage.Import;
using Concord.Storage.Objects;
using Concord.Storage.Tests.Backends;
using Concord.Storage.Tests.Support;

namespace Concord.Storage.Tests.Access;

/// <summary>The backend-neutral access layer (directory administration, keys, the importer, object access) working unchanged on every backend.</summary>
public abstract class AccessContractTests(StoreFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _tag = Guid.NewGuid().ToString("N")[..6];

    private IConcordStore Store => fixture.Shared.Store;

    private async Task<(PartyId Party, string Token)> PartyWithKeyAsync(DirectoryAdmin admin, string name)
    {
        var party = PartyId.Parse($"{name}-{_tag}");
        await admin.AddPartyAsync("admin@node", party, name, null, PartyKind.StateService, null, None);
        var member = MemberId.Of("liaison", party);
        await admin.AddMemberAsync("admin@node", member, "Liaison officer", MemberRole.Liaison, None);
        return (party, (await admin.CreateKeyAsync("admin@node", member, None)).Token);
    }

    [ContractFact]
    public async Task Member_authenticated_by_key_imports_releases_and_reads_with_every_step_audited()
    {
        var admin = new DirectoryAdmin(Store);
        var actors = new ActorResolver(Store);
        var access = new ObjectAccess(Store);
        var (ru, ruToken) = await PartyWithKeyAsync(admin, "ru");
        var (us, usToken) = await PartyWithKeyAsync(admin, "us");
        await admin.AddChannelAsync("admin@node", ChannelId.Parse($"wg-{_tag}"), "Working group", null, [ru, us], None);
        var ruActor = (await actors.AuthenticateAsync(ruToken, None))!;
        var usActor = (await actors.AuthenticateAsync(usToken, None))!;
        var obj = TestObject.ThreatActor(1, "Shared later");
        using var input = new MemoryStream(Encoding.UTF8.GetBytes($"[{obj.ToJson()}]"));

        var report = await new Importer(Store).ImportAsync(input, new ImportRequest(ruActor, Release.None, Handling.None, null, false, "test"), null, None);
        var before = await access.GetAsync(usActor, obj.Id, "assessment", None);
        var (outcome, reason) = await access.ReleaseAsync(ruActor, obj.Id, new Release([us], []), "joint assessment", None);
        var after = await access.GetAsync(usActor, obj.Id, "assessment", None);

        Assert.Equal(1, report.Inserted);
        Assert.Null(before);
        Assert.Equal((ForwardOutcome.Released, null), (outcome, reason));
        Assert.Equal(ru, after!.Distribution.Originator);
        Assert.Equal(1, await access.CountAsync(usActor, new ObjectQuery(), null, None));
        var chain = await Store.Audit.ReadAllAsync(None).ToListAsync();
        Assert.Null(AuditChain.Verify(chain));
        var ours = chain.Select(e => e.Entry).Where(e => e.Party == ru.Value || e.Party == us.Value).Select(e => e.Action).ToList();
        Assert.Equal(["import", "read", "release", "read", "count"], ours);
    }

    [ContractFact]
    public async Task Revoked_key_and_disabled_member_no_longer_authenticate()
    {
        var admin = new DirectoryAdmin(Store);
        var actors = new ActorResolver(Store);
        var (ru, token) = await PartyWithKeyAsync(admin, "ru");
        Assert.NotNull(await actors.AuthenticateAsync(token, None));
        Assert.True(ApiKeyToken.TryParse(token, out var parsed));

        await Store.Directory.SetMemberDisabledAsync(MemberId.Of("liaison", ru), true, None);
        Assert.Null(await actors.AuthenticateAsync(token, None));
        await Store.Directory.SetMemberDisabledAsync(MemberId.Of("liaison", ru), false, None);
        Assert.True(await admin.RevokeKeyAsync("admin@node", parsed.KeyId, None));

        Assert.Null(await actors.AuthenticateAsync(token, None));
        Assert.False(await admin.RevokeKeyAsync("admin@node", parsed.KeyId, None));
    }
}
