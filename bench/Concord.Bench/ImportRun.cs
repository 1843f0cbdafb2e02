using System.Diagnostics;
using Concord.Domain.Directory;
using Concord.Domain.Releasability;
using Concord.Storage;
using Concord.Storage.Access;
using Concord.Storage.Import;

namespace Concord.Bench;

/// <summary>The measured path: Concord's own streamed import of the bundle file into a fresh store.</summary>
internal static class ImportRun
{
    public static async Task<(TimeSpan Elapsed, ImportReport Report)> RunAsync(IConcordStore store, string file, CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken);
        var admin = new DirectoryAdmin(store);
        var party = PartyId.Parse("bench-party");
        await admin.AddPartyAsync("bench", party, "Benchmark party", null, PartyKind.StateService, null, cancellationToken);
        await admin.AddChannelAsync("bench", ChannelId.Parse("bench-channel"), "Benchmark channel", null, [party], cancellationToken);
        var member = MemberId.Of("importer", party);
        await admin.AddMemberAsync("bench", member, "Importer", MemberRole.Analyst, cancellationToken);
        var actor = await new ActorResolver(store).ResolveAsync(member, cancellationToken) ?? throw new InvalidOperationException("no actor");
        var clock = Stopwatch.StartNew();
        await using var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var report = await new Importer(store).ImportAsync(input, new ImportRequest(actor, Release.None, Handling.None, null, false, "bench"), null, cancellationToken);
        clock.Stop();
        return (clock.Elapsed, report);
    }
}
