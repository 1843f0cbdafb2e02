using System.Globalization;
using Concord.Storage.Sqlite;

namespace Concord.Bench;

/// <summary>
/// The federation sync benchmark: node A holds N generated objects released to a channel shared with node B's party;
/// one push of A to B over TAXII 2.1 (both real servers on loopback) is timed, beside the floors measured in the same
/// run — the same envelopes over loopback HTTP to a bare sink, and N Ed25519 signatures and verifications — and
/// beside each side's work alone (A: read, sign, render; B: parse, check, write). Then the push latency of single
/// objects published through A's REST API with both sync loops running.
/// </summary>
internal static class SyncBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var objects = options.GetInt("objects", 1_000_000);
        var pageSize = options.GetInt("page", Concord.Server.Federation.SyncEngine.DefaultPushPageSize);
        var count = options.GetInt("latency", 200);
        var work = Path.GetFullPath(options.Get("work", Path.Combine(Path.GetTempPath(), "concord-bench")));
        var keep = options.Get("keep", "no") == "yes";
        Directory.CreateDirectory(work);
        var file = await ImportBenchmark.BundleAsync(work, objects);
        var dir = Path.Combine(work, $"sync-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            await SetUpAsync(dir, file, objects);
            var size = pageSize.ToString(CultureInfo.InvariantCulture);
            var pages = Path.Combine(dir, "pages.bin");
            Console.WriteLine($"Sync benchmark: {objects:N0} objects from node A to node B (SQLite each), pages of {pageSize:N0}, {Environment.ProcessorCount} cores");
            if (options.Get("only", string.Empty) == "sync")
            {
                // For comparing changes: the real sync alone.
                var alone = await Phase.SpawnAsync("--name", "sync", "--store", dir, "--page", size);
                Console.WriteLine(Row("Concord sync A → B over TAXII", objects, alone.Seconds, alone.PeakBytes));
                return alone.Stored == objects ? 0 : 1;
            }

            if (options.Get("only", string.Empty) == "ingest")
            {
                // For comparing changes to node B: its side alone, on pages rendered by A (off the clock).
                await Phase.SpawnAsync("--name", "sync-render", "--store", dir, "--file", pages, "--page", size);
                var alone = await Phase.SpawnAsync("--name", "sync-ingest", "--store", dir, "--file", pages);
                Console.WriteLine(Row("node B alone: ingest (validate, verify, write)", objects, alone.Part("ingest"), alone.PeakBytes));
                if (keep)
                {
                    Console.WriteLine($"kept {dir}: B alone again is 'phase --name sync-ingest --store {dir} --file {pages}' on a fresh copy of b.db as b-ingest.db");
                    return 0;
                }

                File.Delete(pages);
                return alone.Stored == objects ? 0 : 1;
            }


            var render = await Phase.SpawnAsync("--name", "sync-render", "--store", dir, "--file", pages, "--page", size);
            var ingest = await Phase.SpawnAsync("--name", "sync-ingest", "--store", dir, "--file", pages);
            var transport = await Phase.SpawnAsync("--name", "sync-transport", "--file", pages);
            File.Delete(pages);
            var crypto = CryptoFloor.Run(objects);
            var sync = await Phase.SpawnAsync("--name", "sync", "--store", dir, "--page", size);
            var latency = await Phase.SpawnAsync("--name", "sync-latency", "--store", dir, "--count", count.ToString(CultureInfo.InvariantCulture));
            foreach (var (name, r) in new[] { ("render", render), ("ingest", ingest), ("sync", sync) })
            {
                if (r.Stored != objects)
                {
                    Console.Error.WriteLine($"{name}: {r.Stored} of {objects} versions");
                    return 1;
                }
            }

            var mib = render.Part("bytes") / 1048576.0;
            Console.WriteLine();
            Console.WriteLine("| phase | objects | seconds | objects/s | peak memory |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            Console.WriteLine(Pair($"signing {objects:N0} versions: one Ed25519 each, 1 thread / in batches of 1,000, {Environment.ProcessorCount} threads", objects, crypto.SignOne, crypto.SignAll));
            Console.WriteLine(Pair($"verifying {objects:N0} versions: one Ed25519 each, 1 thread / in batches of 1,000, {Environment.ProcessorCount} threads", objects, crypto.VerifyOne, crypto.VerifyAll));
            Console.WriteLine(Row(string.Create(CultureInfo.InvariantCulture, $"floor: the {mib:F0} MiB of envelopes POSTed over loopback to a bare sink"), objects, transport.Seconds, transport.PeakBytes));
            Console.WriteLine(Row("floor: the same envelopes GET from a bare server", objects, transport.Part("get"), transport.PeakBytes));
            Console.WriteLine(Row("node A alone: read the pages", objects, render.Part("read"), render.PeakBytes));
            Console.WriteLine(Row("node A alone: read, sign and render the pages", objects, render.Seconds, render.PeakBytes));
            Console.WriteLine(Row("node B alone: parse the envelopes", objects, ingest.Part("parse"), ingest.PeakBytes));
            Console.WriteLine(Row("node B alone: ingest (validate, verify, write)", objects, ingest.Part("ingest"), ingest.PeakBytes));
            var parts = render.Seconds + ingest.Seconds + transport.Seconds;
            Console.WriteLine(Row("sum: A alone + B alone + transport floor", objects, parts, null));
            Console.WriteLine(Row("**Concord sync A → B over TAXII** (both nodes in one process)", objects, sync.Seconds, sync.PeakBytes));
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sync {objects / sync.Seconds:N0} objects/s in {sync.Seconds:F1} s = {sync.Seconds / parts:F2}x the sum of its parts measured alone, {sync.Seconds / transport.Seconds:F1}x the transport floor"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"push latency over {latency.Stored} objects: p50 {latency.Part("p50"):F1} ms, p99 {latency.Part("p99"):F1} ms, max {latency.Part("max"):F1} ms; floor (one loopback round trip of the same bytes): p50 {latency.Part("floor-p50"):F2} ms, p99 {latency.Part("floor-p99"):F2} ms, max {latency.Part("floor-max"):F2} ms"));
            var perMillion = sync.Seconds * 1_000_000.0 / objects;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"target 1,000,000 in <= 60 s: {(perMillion <= 60 ? "met" : "MISSED")} ({perMillion:F1} s per 1,000,000{(objects == 1_000_000 ? string.Empty : ", scaled")})"));
            Console.WriteLine($"target push latency p99 <= 1 s: {(latency.Part("p99") <= 1000 ? "met" : "MISSED")}");
            return 0;
        }
        finally
        {
            if (!keep)
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    /// <summary>Off the clock: node A holds the objects (imported by its analyst, released to the shared channel); node B is empty.</summary>
    private static async Task SetUpAsync(string dir, string file, int objects)
    {
        await using (var a = new SqliteStore(SyncPhases.A(dir)))
        await using (var b = new SqliteStore(SyncPhases.B(dir)))
        {
            var analyst = await NodePair.CreateAsync(a, b, CancellationToken.None);
            var (_, report) = await ImportRun.ImportAsync(a, analyst, file, CancellationToken.None);
            if (report.Inserted != objects)
            {
                throw new InvalidOperationException($"node A took {report.Inserted} of {objects} objects");
            }
        }

        foreach (var suffix in new[] { string.Empty, "-wal" })
        {
            if (File.Exists(SyncPhases.B(dir) + suffix))
            {
                File.Copy(SyncPhases.B(dir) + suffix, SyncPhases.BIngest(dir) + suffix);
            }
        }
    }

    private static string Row(string name, int objects, double seconds, long? peak) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {objects:N0} | {seconds:F1} | {objects / seconds:N0} | {(peak is { } p ? $"{p / 1048576.0:F0} MiB" : "—")} |");

    private static string Pair(string name, int objects, double one, double all) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {objects:N0} | {one:F1} / {all:F1} | {objects / one:N0} / {objects / all:N0} | — |");
}
