using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Server.Federation;
using Concord.Storage;
using Concord.Storage.Federation;
using Concord.Storage.Objects;
using Concord.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Concord.Bench;

/// <summary>
/// The measured phases of the sync benchmark, each run in its own process (see <see cref="SyncBenchmark"/>). Stores
/// live in one work directory: <c>a.db</c> (node A, holding the objects), <c>b.db</c> (node B, empty), and
/// <c>b-ingest.db</c> (a copy of the empty node B for the ingest-only phase).
/// </summary>
internal static class SyncPhases
{
    public static string A(string dir) => Path.Combine(dir, "a.db");

    public static string B(string dir) => Path.Combine(dir, "b.db");

    public static string BIngest(string dir) => Path.Combine(dir, "b-ingest.db");

    public static async Task<PhaseResult> RunAsync(string name, Options options)
    {
        var dir = options.Get("store", string.Empty);
        var pages = options.Get("file", string.Empty);
        var pageSize = options.GetInt("page", SyncEngine.DefaultPushPageSize);
        return name switch
        {
            "sync" => await SyncAsync(dir, pageSize, CancellationToken.None),
            "sync-render" => await RenderAsync(dir, pages, pageSize, CancellationToken.None),
            "sync-ingest" => await IngestAsync(dir, pages, CancellationToken.None),
            "sync-transport" => await TransportAsync(pages),
            "sync-latency" => await LatencyAsync(dir, options.GetInt("count", 200), CancellationToken.None),
            _ => throw new ArgumentException($"unknown sync phase {name}", nameof(name)),
        };
    }

    /// <summary>The real thing: one <see cref="SyncEngine.SyncAsync"/> of node A with node B, both serving on loopback.</summary>
    private static async Task<PhaseResult> SyncAsync(string dir, int pageSize, CancellationToken cancellationToken)
    {
        await using var a = new SqliteStore(A(dir));
        await using var b = new SqliteStore(B(dir));
        await using var nodes = await NodePair.StartAsync(a, b, sync: false, cancellationToken);
        using var signer = await NodeSigner.LoadAsync(a, null, cancellationToken);
        var engine = new SyncEngine(a, signer, NullLogger.Instance) { PushPageSize = pageSize };
        var clock = Stopwatch.StartNew();
        var report = await engine.SyncAsync(nodes.PeerAtA, cancellationToken);
        clock.Stop();
        if (report.Refused > 0)
        {
            throw new InvalidOperationException($"node B refused {report.Refused} versions");
        }

        var held = await b.Objects.CountAsync(await NodePair.ReaderBAsync(b, cancellationToken), new ObjectQuery { AllVersions = true }, cancellationToken);
        return Result(clock.Elapsed, held, new() { ["pushed"] = report.Pushed, ["allocated"] = GC.GetTotalAllocatedBytes(), ["gc_pause"] = GC.GetTotalPauseDuration().TotalSeconds });
    }

    /// <summary>
    /// Node A's side alone, no network: every page read, signed and rendered exactly as the push renders it (the
    /// envelopes are kept in a file for the other phases, off the clock); and, before it, the same pages only read.
    /// </summary>
    private static async Task<PhaseResult> RenderAsync(string dir, string file, int pageSize, CancellationToken cancellationToken)
    {
        await using var a = new SqliteStore(A(dir));
        using var signer = await NodeSigner.LoadAsync(a, null, cancellationToken);
        var engine = new SyncEngine(a, signer, NullLogger.Instance) { PushPageSize = pageSize };
        var peer = (await a.Federation.ListPeersAsync(cancellationToken)).Single();
        var parties = (await a.Directory.ListPartiesAsync(cancellationToken)).ToDictionary(p => p.Id);
        var reader = new Reader(NodePair.PartyB, await a.Directory.ListChannelsOfAsync(NodePair.PartyB, cancellationToken));

        var read = Stopwatch.StartNew();
        var readAllocated = GC.GetTotalAllocatedBytes();
        long after = 0;
        while (true)
        {
            var page = await a.Objects.ListAsync(reader, new ObjectQuery { AllVersions = true, After = after, Limit = pageSize }, cancellationToken);
            if (page.Items.Count == 0)
            {
                break;
            }

            after = page.Items[^1].Pk;
            if (page.Next is null)
            {
                break;
            }
        }

        read.Stop();
        readAllocated = GC.GetTotalAllocatedBytes() - readAllocated;
        await using var output = new BinaryWriter(File.Create(file));
        var render = new Stopwatch();
        long versions = 0, bytes = 0, allocated = 0;
        after = 0;
        while (true)
        {
            render.Start();
            var before = GC.GetTotalAllocatedBytes();
            var page = await engine.RenderPushPageAsync(peer, reader, parties, after, cancellationToken);
            allocated += GC.GetTotalAllocatedBytes() - before;
            render.Stop();
            if (page is null)
            {
                break;
            }

            if (page.Envelope is { } envelope)
            {
                using (envelope)
                {
                    PageFile.Write(output, envelope.Written.Span);
                    bytes += envelope.Written.Length;
                }

                versions += page.Count;
            }

            after = page.Last;
            if (!page.More)
            {
                break;
            }
        }

        return Result(render.Elapsed, versions, new() { ["read"] = read.Elapsed.TotalSeconds, ["bytes"] = bytes, ["allocated"] = allocated, ["read_allocated"] = readAllocated, ["gc_pause"] = GC.GetTotalPauseDuration().TotalSeconds });
    }

    /// <summary>
    /// Node B's side alone, no network: each rendered page parsed as the TAXII POST handler parses it, then taken in by
    /// <see cref="FederatedIngest"/> (validation, signature check, version rules, one transaction per page).
    /// </summary>
    private static async Task<PhaseResult> IngestAsync(string dir, string file, CancellationToken cancellationToken)
    {
        var pages = PageFile.ReadAll(file);
        await using var b = new SqliteStore(BIngest(dir));
        var parse = new Stopwatch();
        var ingest = new Stopwatch();
        long inserted = 0, refused = 0, allocated = 0;
        foreach (var page in pages)
        {
            parse.Start();
            using var document = JsonDocument.Parse(page);
            var items = document.RootElement.GetProperty("objects").EnumerateArray().ToList();
            parse.Stop();
            ingest.Start();
            var before = GC.GetTotalAllocatedBytes();
            var report = await (await FederatedIngest.StartAsync(b, NodePair.NodeA, cancellationToken)).IngestAsync(items, cancellationToken);
            allocated += GC.GetTotalAllocatedBytes() - before;
            ingest.Stop();
            inserted += report.Inserted;
            refused += report.Problems.Count;
        }

        if (refused > 0)
        {
            throw new InvalidOperationException($"{refused} versions refused");
        }

        return Result(parse.Elapsed + ingest.Elapsed, inserted, new() { ["parse"] = parse.Elapsed.TotalSeconds, ["ingest"] = ingest.Elapsed.TotalSeconds, ["allocated"] = allocated, ["gc_pause"] = GC.GetTotalPauseDuration().TotalSeconds, ["gen0"] = GC.CollectionCount(0), ["gen1"] = GC.CollectionCount(1), ["gen2"] = GC.CollectionCount(2) });
    }

    /// <summary>The transport floor: the rendered pages (in memory) POSTed to a bare loopback sink, then GETed back.</summary>
    private static async Task<PhaseResult> TransportAsync(string file)
    {
        var pages = PageFile.ReadAll(file);
        await using var sink = await LoopbackSink.StartAsync(pages);
        using var http = new HttpClient();
        var post = Stopwatch.StartNew();
        foreach (var page in pages)
        {
            await sink.PostAsync(http, page);
        }

        post.Stop();
        var get = Stopwatch.StartNew();
        for (var i = 0; i < pages.Count; i++)
        {
            await sink.GetAsync(http, i);
        }

        get.Stop();
        return Result(post.Elapsed, pages.Count, new() { ["get"] = get.Elapsed.TotalSeconds });
    }

    /// <summary>
    /// Push latency: two fresh nodes serving with their sync loops on; single objects published at A through its REST
    /// API, each timed until B's store holds it. The floor: one loopback round trip of the same bytes to a bare sink.
    /// </summary>
    private static async Task<PhaseResult> LatencyAsync(string dir, int count, CancellationToken cancellationToken)
    {
        const int warmUp = 20;
        await using var a = new SqliteStore(Path.Combine(dir, "latency-a.db"));
        await using var b = new SqliteStore(Path.Combine(dir, "latency-b.db"));
        await NodePair.CreateAsync(a, b, cancellationToken);
        await using var nodes = await NodePair.StartAsync(a, b, sync: true, cancellationToken);
        using var http = new HttpClient { BaseAddress = nodes.UrlA };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await NodePair.KeyAsync(a, ImportRun.AnalystOf(ImportRun.Party), cancellationToken));
        var readerB = await NodePair.ReaderBAsync(b, cancellationToken);
        var bundles = Enumerable.Range(0, warmUp + count).Select(Bundle).ToList();

        var latencies = new List<double>();
        for (var i = 0; i < bundles.Count; i++)
        {
            var id = StixId.Parse(BundleGenerator.Id(BundleGenerator.TypeOf(i), i, LatencySeed));
            var clock = Stopwatch.StartNew();
            using (var content = new ByteArrayContent(bundles[i]))
            {
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await http.PostAsync(new Uri("api/bundles", UriKind.Relative), content, cancellationToken);
                response.EnsureSuccessStatusCode();
            }

            while (await b.Objects.GetLatestAsync(readerB, id, cancellationToken) is null)
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new TimeoutException($"{id} did not reach node B in 30 s");
                }

                await Task.Delay(1, cancellationToken);
            }

            if (i >= warmUp)
            {
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        var floor = new List<double>();
        await using (var sink = await LoopbackSink.StartAsync([]))
        using (var direct = new HttpClient())
        {
            for (var i = 0; i < bundles.Count; i++)
            {
                var clock = Stopwatch.StartNew();
                await sink.PostAsync(direct, bundles[i]);
                if (i >= warmUp)
                {
                    floor.Add(clock.Elapsed.TotalMilliseconds);
                }
            }
        }

        var sorted = latencies.Order().ToArray();
        var sortedFloor = floor.Order().ToArray();
        return Result(TimeSpan.FromMilliseconds(latencies.Sum()), latencies.Count, new()
        {
            ["p50"] = OpsBenchmark.Percentile(sorted, 0.50),
            ["p99"] = OpsBenchmark.Percentile(sorted, 0.99),
            ["max"] = sorted[^1],
            ["floor-p50"] = OpsBenchmark.Percentile(sortedFloor, 0.50),
            ["floor-p99"] = OpsBenchmark.Percentile(sortedFloor, 0.99),
            ["floor-max"] = sortedFloor[^1],
        });
    }

    private const int LatencySeed = 11;

    /// <summary>A bundle of one generated object (of a seed of its own), released to the shared channel.</summary>
    private static byte[] Bundle(int i)
    {
        var sb = new StringBuilder(1024).Append("{\"type\":\"bundle\",\"id\":\"bundle--").Append(Guid.NewGuid().ToString()).Append("\",\"objects\":[");
        BundleGenerator.Object(sb, i, LatencySeed);
        return Encoding.UTF8.GetBytes(sb.Append("]}").ToString());
    }

    private static PhaseResult Result(TimeSpan elapsed, long stored, Dictionary<string, double> parts) =>
        new(elapsed.TotalSeconds, Process.GetCurrentProcess().PeakWorkingSet64, stored, parts);

}
