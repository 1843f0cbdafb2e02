using System.Diagnostics;
using Concord.Domain.Directory;
using Concord.Domain.Federation;
using Concord.Domain.Releasability;
using Concord.Storage;
using Concord.Storage.Access;
using Concord.Storage.Import;

namespace Concord.Bench;

/// <summary>The measured path: Concord's own streamed import of the bundle file into a fresh store.</summary>
internal static class ImportRun
{
    /// <summary>The importing party.</summary>
    public static readonly PartyId Party = PartyId.Parse("bench-party");

    /// <summary>The channel <see cref="BundleGenerator"/> releases every object to.</summary>
    public static readonly ChannelId Channel = ChannelId.Parse("bench-channel");

    public static async Task<(TimeSpan Elapsed, ImportReport Report)> RunAsync(IConcordStore store, string file, CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken);
        var actor = await DirectoryAsync(store, Party, [], cancellationToken);
        return await ImportAsync(store, actor, file, cancellationToken);
    }

    /// <summary>
    /// A benchmark store's directory: <paramref name="local"/> hosted here, the <paramref name="partners"/> hosted by
    /// other nodes, the generator's channel with all of them in it, and an analyst of <paramref name="local"/> (returned).
    /// </summary>
    public static async Task<Actor> DirectoryAsync(IConcordStore store, PartyId local, IReadOnlyList<(PartyId Party, NodeId Node)> partners, CancellationToken cancellationToken)
    {
        var admin = new DirectoryAdmin(store);
        await admin.AddPartyAsync("bench", local, "Benchmark party", null, PartyKind.StateService, null, cancellationToken);
        foreach (var (party, node) in partners)
        {
            await admin.AddPartyAsync("bench", party, "Benchmark partner", null, PartyKind.StateService, null, cancellationToken, node);
        }

        await admin.AddChannelAsync("bench", Channel, "Benchmark channel", null, [local, .. partners.Select(p => p.Party)], cancellationToken);
        var member = AnalystOf(local);
        await admin.AddMemberAsync("bench", member, "Importer", MemberRole.Analyst, cancellationToken);
        return await new ActorResolver(store).ResolveAsync(member, cancellationToken) ?? throw new InvalidOperationException("no actor");
    }

    /// <summary>The analyst <see cref="DirectoryAsync"/> makes for a party.</summary>
    public static MemberId AnalystOf(PartyId party) => MemberId.Of("importer", party);

    /// <summary>Imports the bundle file as <paramref name="actor"/>, timed.</summary>
    public static async Task<(TimeSpan Elapsed, ImportReport Report)> ImportAsync(IConcordStore store, Actor actor, string file, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var report = await new Importer(store).ImportAsync(input, new ImportRequest(actor, Release.None, Handling.None, null, false, "bench"), null, cancellationToken);
        clock.Stop();
        return (clock.Elapsed, report);
    }
}
