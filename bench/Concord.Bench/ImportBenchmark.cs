using System.Globalization;
using System.Text.Json;

namespace Concord.Bench;

/// <summary>
/// The import benchmark: a generated bundle of N objects imported by Concord, beside the floor (the same rows
/// and indexes inserted directly), each in its own process; then the import again at N/10 to show memory is flat.
/// </summary>
internal static class ImportBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var objects = options.GetInt("objects", 1_000_000);
        var backend = options.Get("backend", "sqlite");
        var work = Path.GetFullPath(options.Get("work", Path.Combine(Path.GetTempPath(), "concord-bench")));
        Directory.CreateDirectory(work);
        var file = await BundleAsync(work, objects);
        var small = await BundleAsync(work, Math.Max(1, objects / 10));
        Console.WriteLine($"Import benchmark: {objects:N0} objects ({new FileInfo(file).Length / 1048576.0:F0} MiB bundle), backend {backend}, {Environment.ProcessorCount} cores");

        var floor = await PhaseAsync("floor", backend, file, work);
        var import = await PhaseAsync("import", backend, file, work);
        var importSmall = await PhaseAsync("import", backend, small, work);
        if (import.Stored != objects)
        {
            Console.Error.WriteLine($"the import stored {import.Stored} of {objects} objects");
            return 1;
        }

        var rate = objects / import.Seconds;
        var floorRate = objects / floor.Seconds;
        Console.WriteLine();
        Console.WriteLine("| phase | objects | seconds | objects/s | peak memory |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine(Row("floor: same rows inserted directly", objects, floor));
        Console.WriteLine(Row("Concord import", objects, import));
        Console.WriteLine(Row("Concord import (a tenth of the objects)", objects / 10, importSmall));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import {rate:N0} objects/s = {import.Seconds / floor.Seconds:F2}x the floor's time ({floorRate:N0} objects/s); peak memory {Mb(import.PeakBytes)} at {objects:N0} vs {Mb(importSmall.PeakBytes)} at {objects / 10:N0}"));
        Console.WriteLine($"target >= 50,000 objects/s: {(rate >= 50_000 ? "met" : "MISSED")}");
        Console.WriteLine($"target within 2x of the floor: {(import.Seconds <= 2 * floor.Seconds ? "met" : "MISSED")}");
        Console.WriteLine($"target flat memory (peak at N within 1.5x of peak at N/10): {(import.PeakBytes <= 1.5 * importSmall.PeakBytes ? "met" : "MISSED")}");
        return 0;
    }

    private static string Row(string name, int objects, PhaseResult r) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {objects:N0} | {r.Seconds:F1} | {objects / r.Seconds:N0} | {Mb(r.PeakBytes)} |");

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F0} MiB");

    private static async Task DropSchemaAsync(string schema)
    {
        await using var connection = new Npgsql.NpgsqlConnection(Phase.Postgres());
        await connection.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Flushes what earlier phases left for the kernel to write (a generated bundle, a deleted 1 GB store) and lets the
    /// disk settle, so no phase pays for the writeback of the one before it.
    /// </summary>
    private static async Task QuietDiskAsync()
    {
        if (OperatingSystem.IsLinux())
        {
            Sync();
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "sync")]
    private static extern void Sync();

    /// <summary>The generated bundle of <paramref name="objects"/> objects in <paramref name="work"/>, made once.</summary>
    public static async Task<string> BundleAsync(string work, int objects)
    {
        var file = Path.Combine(work, $"bundle-{objects}.json");
        if (!File.Exists(file))
        {
            var temp = file + ".partial";
            await BundleGenerator.WriteAsync(temp, objects, seed: 7);
            File.Move(temp, file, overwrite: true);
        }

        return file;
    }

    private static async Task<PhaseResult> PhaseAsync(string name, string backend, string file, string work)
    {
        var store = backend == "postgres" ? $"bench_{name}_{Guid.NewGuid():N}"[..30] : Path.Combine(work, $"{name}-{Guid.NewGuid():N}.db");
        try
        {
            await QuietDiskAsync();
            return await Phase.SpawnAsync("--name", name, "--backend", backend, "--file", file, "--store", store);
        }
        finally
        {
            if (backend == "postgres")
            {
                await DropSchemaAsync(store);
            }
            else
            {
                foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
                {
                    File.Delete(store + suffix);
                }
            }
        }
    }
}
