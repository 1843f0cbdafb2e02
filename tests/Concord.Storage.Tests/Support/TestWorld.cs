using System.Text;
using Concord.Domain.Directory;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Storage.Access;
using Concord.Storage.Import;

namespace Concord.Storage.Tests.Support;

/// <summary>
/// One test's own parties and channels in a shared store: every id carries a random tag, so a test sees only
/// what its own parties may read, exactly as the rule keeps real parties apart.
/// </summary>
public sealed class TestWorld(IConcordStore store)
{
    private readonly string _tag = Guid.NewGuid().ToString("N")[..6];

    public IConcordStore Store { get; } = store;

    public async Task<PartyId> PartyAsync(string name)
    {
        var id = PartyId.Parse($"{name}-{_tag}");
        await Store.Directory.AddPartyAsync(new Party(id, name, null, PartyKind.StateService, StixId.New("identity")), CancellationToken.None);
        return id;
    }

    public async Task<ChannelId> ChannelAsync(string name, params PartyId[] members)
    {
        var id = ChannelId.Parse($"{name}-{_tag}");
        await Store.Directory.AddChannelAsync(new Channel(id, name, null), CancellationToken.None);
        foreach (var member in members)
        {
            await Store.Directory.AddChannelMemberAsync(id, member, CancellationToken.None);
        }

        return id;
    }

    /// <summary>The party as a reader, with its channels as the directory holds them.</summary>
    public async Task<Reader> ReaderAsync(PartyId party) =>
        new(party, await Store.Directory.ListChannelsOfAsync(party, CancellationToken.None));

    public async Task<Actor> ActorAsync(PartyId party) => new(MemberId.Of("analyst", party), MemberRole.Analyst, await ReaderAsync(party));

    /// <summary>Imports the objects as <paramref name="party"/> through the real importer.</summary>
    public async Task<ImportReport> ImportAsync(PartyId party, IEnumerable<TestObject> objects, bool allOrNothing = false, int batchSize = 5000) =>
        await ImportJsonAsync(party, objects.Select(o => o.ToJson()), allOrNothing, batchSize);

    public Task<ImportReport> ImportAsync(PartyId party, params TestObject[] objects) => ImportAsync(party, objects.AsEnumerable());

    public async Task<ImportReport> ImportJsonAsync(PartyId party, IEnumerable<string> objects, bool allOrNothing = false, int batchSize = 5000)
    {
        var bundle = $"{{\"type\":\"bundle\",\"id\":\"bundle--{Guid.NewGuid()}\",\"objects\":[{string.Join(',', objects)}]}}";
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(bundle));
        var request = new ImportRequest(await ActorAsync(party), Release.None, Handling.None, null, allOrNothing, "test") { BatchSize = batchSize };
        return await new Importer(Store).ImportAsync(input, request, null, CancellationToken.None);
    }
}
