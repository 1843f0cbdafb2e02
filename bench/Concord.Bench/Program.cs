using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Concord.Bench;
using Concord.Storage.Sqlite;

// Concord's macro benchmarks. Each measured phase runs in a child process so its peak memory is its own.
//   dotnet run -c Release --project bench/Concord.Bench -- import --objects 1000000
//   dotnet run -c Release --project bench/Concord.Bench -- sync --objects 1000000
//   dotnet run -c Release --project bench/Concord.Bench -- ops --operations 1000000
//   dotnet run -c Release --project bench/Concord.Bench -- micro        (BenchmarkDotNet micro-benchmarks)
var command = args.Length > 0 ? args[0] : "help";
var options = Options.Parse(args.Skip(1).ToArray());
switch (command)
{
    case "import":
        return await ImportBenchmark.RunAsync(options);
    case "phase":
        return await Phase.RunAsync(options);
    case "sync":
        return await SyncBenchmark.RunAsync(options);
    case "ops":
        return OpsBenchmark.Run(options);
    case "micro":
        BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Options).Assembly).Run(args.Skip(1).ToArray());
        return 0;
    default:
        Console.WriteLine("usage: Concord.Bench import --objects N [--backend sqlite|postgres] [--work DIR] | sync --objects N [--page N] [--latency N] [--only sync] [--work DIR] | ops [--operations N] [--registrations N] [--queries N] [--brute N] | micro [BenchmarkDotNet args]");
        return command == "help" ? 0 : 2;
}

namespace Concord.Bench
{
    /// <summary>--name value pairs.</summary>
    internal sealed class Options(Dictionary<string, string> values)
    {
        public static Options Parse(string[] args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                values[args[i].TrimStart('-')] = args[i + 1];
            }

            return new Options(values);
        }

        public string Get(string name, string fallback) => values.TryGetValue(name, out var v) ? v : fallback;

        public int GetInt(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>One measured phase, run in its own process; prints one JSON line.</summary>
    internal static partial class Phase
    {
        public static async Task<int> RunAsync(Options options)
        {
            var file = options.Get("file", string.Empty);
            var store = options.Get("store", string.Empty);
            var backend = options.Get("backend", "sqlite");
            if (options.Get("name", string.Empty) is var sync && sync.StartsWith("sync", StringComparison.Ordinal))
            {
                Print(await SyncPhases.RunAsync(sync, options));
                return 0;
            }

            TimeSpan elapsed;
            long stored;
            switch (options.Get("name", string.Empty), backend)
            {
                case ("floor", "sqlite"):
                    elapsed = await ImportFloor.RunSqliteAsync(file, store, CancellationToken.None);
                    stored = -1;
                    break;
                case ("import", "sqlite"):
                    {
                        await using var s = new SqliteStore(store);
                        var (e, report) = await ImportRun.RunAsync(s, file, CancellationToken.None);
                        elapsed = e;
                        stored = report.Inserted;
                        break;
                    }

                case ("floor", "postgres"):
                    elapsed = await PostgresFloor.RunAsync(file, Postgres(), store, CancellationToken.None);
                    stored = -1;
                    break;
                case ("import", "postgres"):
                    {
                        await using var s = new Concord.Storage.Postgres.PostgresStore(Postgres(), store);
                        var (e, report) = await ImportRun.RunAsync(s, file, CancellationToken.None);
                        elapsed = e;
                        stored = report.Inserted;
                        break;
                    }

                default:
                    Console.Error.WriteLine($"unknown phase {options.Get("name", "?")} on {backend}");
                    return 2;
            }

            Print(new PhaseResult(elapsed.TotalSeconds, Process.GetCurrentProcess().PeakWorkingSet64, stored, new() { ["allocated"] = GC.GetTotalAllocatedBytes(), ["gc_pause"] = GC.GetTotalPauseDuration().TotalSeconds }));
            return 0;
        }

        private static void Print(PhaseResult result) => Console.WriteLine(JsonSerializer.Serialize(result, BenchJson.Default.PhaseResult));

        /// <summary>Runs <c>phase</c> with these arguments in a child process of this executable; returns what it printed.</summary>
        public static async Task<PhaseResult> SpawnAsync(params string[] arguments)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            {
                start.ArgumentList.Add(typeof(Phase).Assembly.Location);
            }

            start.ArgumentList.Add("phase");
            foreach (var a in arguments)
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"phase {string.Join(' ', arguments)} failed: {output}");
            }

            return JsonSerializer.Deserialize(output.Trim().Split('\n')[^1], BenchJson.Default.PhaseResult)!;
        }
    }

    internal static partial class Phase
    {
        /// <summary>The PostgreSQL server for benchmarks: $CONCORD_BENCH_POSTGRES, else $CONCORD_TEST_POSTGRES.</summary>
        public static string Postgres() =>
            Environment.GetEnvironmentVariable("CONCORD_BENCH_POSTGRES") is { Length: > 0 } b ? b
            : Environment.GetEnvironmentVariable("CONCORD_TEST_POSTGRES") is { Length: > 0 } t ? t
            : throw new InvalidOperationException("set CONCORD_BENCH_POSTGRES to a PostgreSQL connection string");
    }

    /// <summary>What a phase printed: its time, its process's peak memory, what it stored, and named figures of its parts.</summary>
    internal sealed record PhaseResult(double Seconds, long PeakBytes, long Stored, Dictionary<string, double>? Parts = null)
    {
        public double Part(string name) => Parts![name];
    }

    [System.Text.Json.Serialization.JsonSerializable(typeof(PhaseResult))]
    [System.Text.Json.Serialization.JsonSerializable(typeof(OpsResult))]
    internal sealed partial class BenchJson : System.Text.Json.Serialization.JsonSerializerContext;
}
