using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Concord.Web.Tests;

/// <summary>Runs the scenarios of <c>src/Concord.Web/e2e</c> in Chromium against a node, and reads what each saw.</summary>
public static class Harness
{
    public static async Task<JsonObject> RunAsync(JsonObject config, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (BrowserEnvironment.Missing is { } missing)
        {
            throw new InvalidOperationException($"{BrowserEnvironment.RequireVariable}=1 but the browser tests cannot run: {missing}");
        }

        var folder = Path.Combine(Path.GetTempPath(), "concord-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var configPath = Path.Combine(folder, "config.json");
        var resultsPath = Path.Combine(folder, "results.json");
        config["chromium"] = BrowserEnvironment.Chromium;
        await File.WriteAllTextAsync(configPath, config.ToJsonString());
        var start = new ProcessStartInfo(BrowserEnvironment.FindOnPath("node")!, [Path.Combine("e2e", "run.mjs"), configPath, resultsPath])
        {
            WorkingDirectory = BrowserEnvironment.WebDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the browser scenarios did not finish in {timeout}: {await error}");
        }

        if (!File.Exists(resultsPath))
        {
            throw new InvalidOperationException($"the browser scenarios wrote no results (exit {process.ExitCode}): {await output} {await error}");
        }

        var results = JsonNode.Parse(await File.ReadAllTextAsync(resultsPath))!.AsObject();
        Directory.Delete(folder, recursive: true);
        return results;
    }

    /// <summary>A scenario's data, or a failure that says what went wrong in the browser.</summary>
    public static JsonNode Scenario(JsonObject results, string name)
    {
        ArgumentNullException.ThrowIfNull(results);
        var result = results[name] ?? throw new InvalidOperationException($"scenario '{name}' did not run");
        Assert.True(result["ok"]!.GetValue<bool>(), $"scenario '{name}' failed in the browser: {result["error"]}");
        Assert.True(result["external"]!.AsArray().Count == 0, $"scenario '{name}' tried to leave 127.0.0.1: {result["external"]!.ToJsonString()}");
        return result["data"]!;
    }

    public static IReadOnlyList<string> Strings(JsonNode? array) => array?.AsArray().Select(x => x!.GetValue<string>()).ToList() ?? [];

    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
