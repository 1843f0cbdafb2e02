using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Concord.Domain.Deconfliction;

namespace Concord.Bench;

/// <summary>
/// <c>ops</c>: deconfliction among N active operations. Builds the index, then measures (1) registration
/// throughput — JSON body parsed and validated, conflicts found, notices disclosed, operation indexed — and (2)
/// conflict-check latency on fresh operations, beside brute force (the rule applied to every active operation)
/// on a sample of the same queries in the same run, checking the two find the same conflicts.
/// </summary>
internal static class OpsBenchmark
{
    public static int Run(Options options)
    {
        var count = options.GetInt("operations", 1_000_000);
        var registrations = options.GetInt("registrations", 20_000);
        var queries = options.GetInt("queries", 10_000);
        var bruteQueries = options.GetInt("brute", 200);
        var generator = new OpsGenerator(42, options.GetInt("days", 120));

        var clock = Stopwatch.StartNew();
        var active = new List<OperationVersion>(count);
        for (var i = 0; i < count; i++)
        {
            active.Add(generator.Next());
        }

        var generated = clock.Elapsed;
        clock.Restart();
        var index = new OperationIndex();
        foreach (var op in active)
        {
            index.Apply(op);
        }

        var built = clock.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count:N0} operations generated in {generated.TotalSeconds:0.0} s; indexed in {built.TotalSeconds:0.0} s ({count / built.TotalSeconds:N0}/s)"));

        // Registration: the full path a member's request takes in the domain, on top of the loaded index.
        var bodies = Enumerable.Range(0, registrations).Select(_ => OpsGenerator.ToJson(generator.Next())).ToList();
        var party = Concord.Domain.Releasability.PartyId.Parse("party-00");
        var member = Concord.Domain.Directory.MemberId.Of("duty", party);
        long conflictsFound = 0;
        Warm(index, generator, 2_000);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.SustainedLowLatency;
        clock.Restart();

        // As a server does: requests are parsed and validated on their own threads; only check-and-insert is serial.
        var parsed = System.Threading.Channels.Channel.CreateBounded<OperationPlan>(1024);
        var producer = Task.Run(async () =>
        {
            foreach (var body in bodies)
            {
                using var document = JsonDocument.Parse(body);
                if (!OperationPlanParser.TryParse(document.RootElement, DeconflictionLimits.Default, null, out var plan, out var errors))
                {
                    throw new InvalidOperationException(string.Join("; ", errors));
                }

                await parsed.Writer.WriteAsync(plan!);
            }

            parsed.Writer.Complete();
        });
        foreach (var plan in parsed.Reader.ReadAllAsync().ToBlockingEnumerable())
        {
            var version = new OperationVersion(OperationId.New(), 1, party, member, OpsGenerator.Horizon, OperationStatus.Active, plan);
            foreach (var conflict in index.FindConflicts(version))
            {
                _ = Disclosure.Notices(conflict, DisclosurePolicy.Default);
                conflictsFound++;
            }

            index.Apply(version);
        }

        producer.GetAwaiter().GetResult();
        var registrationSeconds = clock.Elapsed.TotalSeconds;
        var perSecond = registrations / registrationSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"registration: {registrations:N0} in {registrationSeconds:0.00} s = {perSecond:N0}/s ({conflictsFound:N0} conflicts disclosed)"));

        // Check latency: fresh operations from the same distribution, not inserted.
        var probes = Enumerable.Range(0, queries).Select(_ => generator.Next()).ToList();
        Warm(index, generator, 2_000);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

        var latencies = new double[queries];
        long hits = 0;
        for (var i = 0; i < queries; i++)
        {
            var start = Stopwatch.GetTimestamp();
            hits += index.FindConflicts(probes[i]).Count;
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(latencies);
        var all = index.Active.ToList();
        var brute = new double[bruteQueries];
        var same = 0;
        for (var i = 0; i < bruteQueries; i++)
        {
            var probe = probes[i * (queries / bruteQueries)];
            var start = Stopwatch.GetTimestamp();
            var expected = ConflictRule.BruteForce(all, probe);
            brute[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var found = index.FindConflicts(probe);
            same += Key(found) == Key(expected) ? 1 : 0;
        }

        Array.Sort(brute);
        var result = new OpsResult(
            all.Count,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            latencies.Average(),
            (double)hits / queries,
            Percentile(brute, 0.50),
            Percentile(brute, 0.99),
            brute.Average(),
            Percentile(brute, 0.50) / Percentile(latencies, 0.50),
            brute.Average() / latencies.Average(),
            perSecond,
            same,
            bruteQueries);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"check among {all.Count:N0} active: p50 {result.CheckP50Ms:0.000} ms, p99 {result.CheckP99Ms:0.000} ms, mean {result.CheckMeanMs:0.000} ms ({result.ConflictsPerCheck:0.00} conflicts per check)   [target p99 <= 1 ms]"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"brute force on {bruteQueries} of the same checks: p50 {result.BruteP50Ms:0.00} ms, p99 {result.BruteP99Ms:0.00} ms, mean {result.BruteMeanMs:0.00} ms -> index is {result.SpeedupP50:N0}x faster at p50, {result.SpeedupMean:N0}x on the mean   [target >= 100x]"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"same conflicts as brute force: {same}/{bruteQueries};  registrations/s {perSecond:N0}   [target >= 10,000/s]"));
        Console.WriteLine(JsonSerializer.Serialize(result, BenchJson.Default.OpsResult));
        return same == bruteQueries ? 0 : 1;
    }

    /// <summary>Runs checks (not measured) so the JIT has compiled every geometry path before measuring.</summary>
    private static void Warm(OperationIndex index, OpsGenerator generator, int count)
    {
        for (var i = 0; i < count; i++)
        {
            foreach (var conflict in index.FindConflicts(generator.Next()))
            {
                _ = Disclosure.Notices(conflict, DisclosurePolicy.Default);
            }
        }
    }

    private static string Key(IReadOnlyList<Conflict> conflicts) => string.Join(",", conflicts.Select(c => c.Existing.Id.Value).Order(StringComparer.Ordinal));

    internal static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

internal sealed record OpsResult(
    int Active,
    double CheckP50Ms,
    double CheckP99Ms,
    double CheckMeanMs,
    double ConflictsPerCheck,
    double BruteP50Ms,
    double BruteP99Ms,
    double BruteMeanMs,
    double SpeedupP50,
    double SpeedupMean,
    double RegistrationsPerSecond,
    int SameAsBruteForce,
    int BruteQueries);
