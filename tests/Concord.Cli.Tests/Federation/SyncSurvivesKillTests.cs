using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Concord.Cli.Tests.Federation;

/// <summary>
/// The bar: "sync resumes after kill -9 of either node with nothing lost or duplicated". A pushes a large batch to B
/// with <c>concord sync</c> (a real child process) while B is served by <c>concord serve</c> (another); one of them
/// is killed with SIGKILL once B holds some but not all of the batch. After the rerun B must hold every version exactly
/// once, with its signature, release and search entry, and A must have sent again at most the one page in flight.
/// </summary>
public sealed class SyncSurvivesKillTests(ITestOutputHelper log)
{
    private const int Objects = 20_000;
    /// <summary>Pages smaller than the default, so that the batch takes many and the kill lands mid-push.</summary>
    private const int PageSize = 1000;

    /// <summary>Kill once B holds this many: several pages in, so "only the rest was sent again" means something.</summary>
    private const int KillAfter = Objects / 4;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Killing_the_receiving_node_mid_push_loses_nothing_and_the_rerun_completes_it_exactly_once()
    {
        using var pair = await FederatedPair.CreateAsync();
        var servingB = await ServeProcess.StartAsync(pair.B.Store);
        try
        {
            await pair.AddBAtAAsync(servingB.Url);
            // B must know A's public key to take what A signed; B itself never calls A here.
            await pair.AddAAtBAsync(FederatedPair.UnusedUrl());
            await ImportBatchAsync(pair);

            var syncOutput = new StringBuilder();
            using (var sync = ConcordProcess.Start(["sync", "--store", pair.A.Store, "--page", PageSize.ToString(CultureInfo.InvariantCulture)], syncOutput))
            {
                try
                {
                    await WaitUntilBHoldsSomeAsync(pair, sync, syncOutput);
                    await servingB.KillAsync();
                    using var exited = new CancellationTokenSource(Patience);
                    await sync.WaitForExitAsync(exited.Token);
                }
                finally
                {
                    await ServeProcess.KillAsync(sync);
                }

                // With B gone mid-batch the round cannot have finished: A says so and exits 1.
                Assert.True(sync.ExitCode == 1, $"concord sync exited {sync.ExitCode} after B was killed: {Snapshot(syncOutput)}");
                Assert.Contains($"{FederatedPair.NodeB}: unreachable", Snapshot(syncOutput), StringComparison.Ordinal);
            }

            var heldBefore = Held(pair.B);
            Assert.InRange(heldBefore, KillAfter, Objects - 1);
            await servingB.DisposeAsync();
            servingB = await ServeProcess.StartAsync(pair.B.Store, servingB.Port);

            var pushed = await SyncUntilItSucceedsAsync(pair.A);
            log.WriteLine($"B held {heldBefore} of {Objects} when killed; the rerun pushed {pushed}");

            Assert.InRange(pushed, Objects - heldBefore, Objects - heldBefore + PageSize);
            await AssertBHoldsTheBatchExactlyOnceAsync(pair);
            Assert.Equal(0, await SyncOnceAsync(pair.A));
            await pair.A.OkAsync("audit", "verify");
            await pair.B.OkAsync("audit", "verify");
        }
        finally
        {
            await servingB.DisposeAsync();
        }
    }

    [Fact]
    public async Task Killing_the_sending_sync_mid_push_loses_nothing_and_the_rerun_sends_only_the_rest()
    {
        using var pair = await FederatedPair.CreateAsync();
        await using var servingB = await ServeProcess.StartAsync(pair.B.Store);
        await pair.AddBAtAAsync(servingB.Url);
        await pair.AddAAtBAsync(FederatedPair.UnusedUrl());
        await ImportBatchAsync(pair);

        var syncOutput = new StringBuilder();
        using (var sync = ConcordProcess.Start(["sync", "--store", pair.A.Store, "--page", PageSize.ToString(CultureInfo.InvariantCulture)], syncOutput))
        {
            try
            {
                await WaitUntilBHoldsSomeAsync(pair, sync, syncOutput);
            }
            finally
            {
                await ServeProcess.KillAsync(sync);
            }
        }

        var heldBefore = Held(pair.B);
        Assert.InRange(heldBefore, KillAfter, Objects - 1);

        var pushed = await SyncOnceAsync(pair.A);
        log.WriteLine($"B held {heldBefore} of {Objects} when A's sync was killed; the rerun pushed {pushed}");

        // Only the rest, plus at most the one page B took but A never heard back about.
        Assert.InRange(pushed, 1, Objects - heldBefore + PageSize);
        await AssertBHoldsTheBatchExactlyOnceAsync(pair);
        Assert.Equal(0, await SyncOnceAsync(pair.A));
        await pair.A.OkAsync("audit", "verify");
        await pair.B.OkAsync("audit", "verify");
    }

    /// <summary>Object i's id carries i in hex in its first UUID group.</summary>
    private static string Id(int i) => string.Create(CultureInfo.InvariantCulture, $"threat-actor--{i:x8}-0000-4000-8000-00000000fed0");

    private static async Task ImportBatchAsync(FederatedPair pair)
    {
        var bundle = Path.Combine(pair.A.Folder, "batch.json");
        await LargeBundle.WriteAsync(bundle, Objects, Id, i => string.Create(CultureInfo.InvariantCulture, $"Courier {i}"));

        var report = (await pair.A.OkAsync("import", bundle, "--as", FederatedPair.AnalystA, "--channel", FederatedPair.Channel, "--json")).Json();
        Assert.Equal(Objects, report.GetProperty("inserted").GetInt32());
    }

    /// <summary>Polls B's store until it holds a good part of the batch; fails if the push finished before it could be interrupted.</summary>
    private static async Task WaitUntilBHoldsSomeAsync(FederatedPair pair, Process sync, StringBuilder output)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(sync.HasExited, $"concord sync exited ({(sync.HasExited ? sync.ExitCode : 0)}) before anything could be killed: {Snapshot(output)}");
            Assert.True(waited.Elapsed < Patience, $"B received nothing in {Patience}: {Snapshot(output)}");
            try
            {
                using var b = FederatedPair.OpenStore(pair.B);
                var held = FederatedPair.Scalar<long>(b, "SELECT count(*) FROM object_version");
                Assert.True(held < Objects, "B took the whole batch before anything could be killed; make the batch larger");
                if (held >= KillAfter)
                {
                    return;
                }
            }
            catch (SqliteException)
            {
                // The store is being written; ask again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
    }

    /// <summary>The versions B holds, read with SQLite directly while B is not running.</summary>
    private static long Held(TestNode b)
    {
        using var connection = FederatedPair.OpenStore(b, SqliteOpenMode.ReadWrite);
        Assert.Equal("ok", FederatedPair.Scalar<string>(connection, "PRAGMA integrity_check"));
        return FederatedPair.Scalar<long>(connection, "SELECT count(*) FROM object_version");
    }

    /// <summary>Runs <c>concord sync --json</c> at A once and returns how many versions it pushed to B.</summary>
    private static async Task<long> SyncOnceAsync(TestNode a)
    {
        var result = await a.RunAsync("sync", "--json");
        Assert.True(result.ExitCode == 0, $"{result.CommandLine} exited {result.ExitCode}: {result.Output}{result.Error}");
        var view = Assert.Single(result.Json().EnumerateArray());
        Assert.Equal(FederatedPair.NodeB, view.GetProperty("node").GetString());
        Assert.Equal(0, view.GetProperty("refused").GetInt64());
        return view.GetProperty("pushed").GetInt64();
    }

    /// <summary>Runs <c>concord sync</c> at A until a round succeeds (B may still be starting), adding up what it pushed.</summary>
    private static async Task<long> SyncUntilItSucceedsAsync(TestNode a)
    {
        long pushed = 0;
        for (var attempt = 1; ; attempt++)
        {
            var result = await a.RunAsync("sync", "--json");
            var view = Assert.Single(result.Json().EnumerateArray());
            Assert.Equal(0, view.GetProperty("refused").GetInt64());
            pushed += view.GetProperty("pushed").GetInt64();
            if (result.ExitCode == 0)
            {
                return pushed;
            }

            Assert.True(attempt < 10, $"concord sync still fails after {attempt} rounds: {result.Output}{result.Error}");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static async Task AssertBHoldsTheBatchExactlyOnceAsync(FederatedPair pair)
    {
        using (var b = FederatedPair.OpenStore(pair.B))
        {
            Assert.Equal((long)Objects, FederatedPair.Scalar<long>(b, "SELECT count(*) FROM object_version"));
            Assert.Equal((long)Objects, FederatedPair.Scalar<long>(b, "SELECT count(DISTINCT object_id) FROM object_version"));
            Assert.Equal((long)Objects, FederatedPair.Scalar<long>(b, "SELECT count(*) FROM object_version WHERE originator = 'ru-fsb' AND object_id LIKE 'threat-actor--%-0000-4000-8000-00000000fed0'"));
            Assert.Equal((long)Objects, FederatedPair.Scalar<long>(b, "SELECT count(*) FROM version_signature s JOIN object_version v ON v.pk = s.version_pk"));
            Assert.Equal((long)Objects, FederatedPair.Scalar<long>(b, "SELECT count(*) FROM version_release r JOIN object_version v ON v.pk = r.version_pk"));
            Assert.Equal(1L, FederatedPair.Scalar<long>(b, "SELECT count(DISTINCT target) FROM version_release"));
            Assert.Equal(FederatedPair.Channel, FederatedPair.Scalar<string>(b, "SELECT target FROM version_release LIMIT 1"));
            Assert.Equal((long)Objects, FederatedPair.Scalar<long>(b, "SELECT count(*) FROM object_text WHERE object_text MATCH '\"courier\"'"));
        }

        // And as B's analyst sees it through the command line: every object of the batch, each once (the bundle
        // also carries Concord's extension-definition).
        var export = (await pair.B.OkAsync("export", "--as", FederatedPair.AnalystB)).Json().GetProperty("objects").EnumerateArray().ToList();
        Assert.Equal(["extension-definition"], export.Select(o => o.GetProperty("type").GetString()).Where(t => t != "threat-actor"));
        var ids = export.Where(o => o.GetProperty("type").GetString() == "threat-actor").Select(o => o.GetProperty("id").GetString()!).ToList();
        Assert.Equal(Objects, ids.Count);
        Assert.Equal(Enumerable.Range(0, Objects).Select(Id).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Equal("Courier 19999", (await pair.B.OkAsync("get", Id(Objects - 1), "--as", FederatedPair.AnalystB)).Json().GetProperty("name").GetString());
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
