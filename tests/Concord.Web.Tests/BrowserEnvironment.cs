namespace Concord.Web.Tests;

/// <summary>
/// What the browser tests need: Debian's Chromium, Node.js, and the front end's node_modules (playwright-core).
/// Without them the tests are skipped with the reason, unless <c>CONCORD_REQUIRE_BROWSER=1</c> (as in CI), when
/// they fail instead.
/// </summary>
public static class BrowserEnvironment
{
    public const string RequireVariable = "CONCORD_REQUIRE_BROWSER";

    public static string RepositoryRoot { get; } = FindRoot();

    public static string WebDirectory => Path.Combine(RepositoryRoot, "src", "Concord.Web");

    public static string Chromium => Environment.GetEnvironmentVariable("CONCORD_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>What is missing, or null when the browser tests can run.</summary>
    public static string? Missing
    {
        get
        {
            if (!File.Exists(Chromium))
            {
                return $"Chromium is not installed at {Chromium} (apt-get install -y chromium)";
            }

            if (FindOnPath("node") is null)
            {
                return "Node.js is not on PATH";
            }

            if (!Directory.Exists(Path.Combine(WebDirectory, "node_modules", "playwright-core")))
            {
                return $"{WebDirectory}/node_modules has no playwright-core (dotnet build runs npm ci there)";
            }

            return null;
        }
    }

    /// <summary>Why the browser tests are skipped, or null when they run (everything present, or required and so failing).</summary>
    public static string? SkipReason => Missing is { } missing && !Required ? $"{missing}; set {RequireVariable}=1 to make this a failure" : null;

    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Concord.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the tests run outside the repository: no Concord.sln above " + AppContext.BaseDirectory);
    }
}
