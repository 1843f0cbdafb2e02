using System.Reflection;
using System.Text.Json;
using Concord.Domain.Directory;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Server.Admin;
using Concord.Storage;
using Concord.Storage.Access;
using Concord.Storage.Import;

namespace Concord.Cli.Demo;

/// <summary>
/// Fills a store with the demo scenario shipped in the executable: parties, channels, members with one key
/// each, and each party's STIX bundle imported as that party (so the releases in the bundles take effect).
/// </summary>
internal static class DemoSeeder
{
    private const string ResourcePrefix = "demo/";

    public static async Task<IReadOnlyList<NewKeyResponse>> SeedAsync(IConcordStore store, CancellationToken cancellationToken)
    {
        var scenario = ReadScenario();
        var admin = new DirectoryAdmin(store);
        var keys = new List<NewKeyResponse>();
        var adminId = MemberId.Parse("admin@node");
        await admin.AddMemberAsync(CliContext.Operator, adminId, "Node administrator", MemberRole.Administrator, cancellationToken);
        keys.Add(await KeyAsync(admin, adminId, cancellationToken));
        foreach (var p in scenario.Parties)
        {
            await admin.AddPartyAsync(CliContext.Operator, PartyId.Parse(p.Id), p.Name, p.Country, Enum.Parse<PartyKind>(p.Kind, ignoreCase: true), p.Identity is null ? null : StixId.Parse(p.Identity), cancellationToken);
        }

        foreach (var c in scenario.Channels)
        {
            await admin.AddChannelAsync(CliContext.Operator, ChannelId.Parse(c.Id), c.Name, c.Description, c.Members.Select(PartyId.Parse), cancellationToken);
        }

        foreach (var m in scenario.Members)
        {
            var id = MemberId.Of(m.Name, PartyId.Parse(m.Party));
            await admin.AddMemberAsync(CliContext.Operator, id, m.Display ?? m.Name, Enum.Parse<MemberRole>(m.Role, ignoreCase: true), cancellationToken);
            keys.Add(await KeyAsync(admin, id, cancellationToken));
        }

        var resolver = new ActorResolver(store);
        var importer = new Importer(store);
        foreach (var (party, resource) in Bundles())
        {
            var member = scenario.Members.FirstOrDefault(m => m.Party == party)
                ?? throw new InvalidOperationException($"the demo has a bundle for '{party}' but no member of it");
            var actor = await resolver.ResolveAsync(MemberId.Of(member.Name, PartyId.Parse(party)), cancellationToken)
                ?? throw new InvalidOperationException($"demo member of '{party}' is missing");
            await using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)!;
            var report = await importer.ImportAsync(stream, new ImportRequest(actor, Release.None, Handling.None, null, AllOrNothing: true, resource), null, cancellationToken);
            if (!report.Committed)
            {
                throw new InvalidOperationException($"demo bundle {resource} was refused: {string.Join("; ", report.Problems.Take(3))}");
            }
        }

        return keys;
    }

    private static async Task<NewKeyResponse> KeyAsync(DirectoryAdmin admin, MemberId id, CancellationToken cancellationToken)
    {
        var token = await admin.CreateKeyAsync(CliContext.Operator, id, cancellationToken);
        return new NewKeyResponse(id.ToString(), token.KeyId, token.Token);
    }

    private static DemoScenarioFile ReadScenario()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + "scenario.json")
            ?? throw new InvalidOperationException("the demo scenario is missing from the executable");
        return JsonSerializer.Deserialize(stream, DemoJson.Default.DemoScenarioFile) ?? throw new InvalidOperationException("the demo scenario is empty");
    }

    /// <summary>The bundle resources, by originating party (the file name), in a fixed order.</summary>
    private static IEnumerable<(string Party, string Resource)> Bundles() =>
        Assembly.GetExecutingAssembly().GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix + "bundles/", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (Path.GetFileNameWithoutExtension(n[(ResourcePrefix.Length + "bundles/".Length)..]), n));
}
