using Npgsql;

namespace Concord.Storage.Tests.Backends;

/// <summary>
/// Where the PostgreSQL tests find their server: the connection string in <c>CONCORD_TEST_POSTGRES</c>. Without
/// it they are skipped, unless <c>CONCORD_REQUIRE_POSTGRES=1</c> (as in CI), when they fail instead.
/// </summary>
public static class PostgresEnvironment
{
    public const string ConnectionVariable = "CONCORD_TEST_POSTGRES";
    public const string RequireVariable = "CONCORD_REQUIRE_POSTGRES";

    /// <summary>The configured connection string with a short command timeout, or null.</summary>
    public static string? ConnectionString
    {
        get
        {
            var text = Environment.GetEnvironmentVariable(ConnectionVariable);
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            // Tests check what a commit makes visible, not that it survives a crash, so they need not wait for the disk.
            return new NpgsqlConnectionStringBuilder(text) { CommandTimeout = 20, Timeout = 10, Options = "-c synchronous_commit=off" }.ConnectionString;
        }
    }

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Why the PostgreSQL tests are skipped, or null when they run (configured, or required and so failing).</summary>
    public static string? SkipReason =>
        ConnectionString is null && !Required
            ? $"PostgreSQL is not configured: set {ConnectionVariable} (e.g. Host=127.0.0.1;Username=postgres;Password=postgres;Database=concord_test); set {RequireVariable}=1 to make this a failure"
            : null;

    /// <summary>The connection string, or the failure a required but missing server is.</summary>
    public static string RequireConnectionString() =>
        ConnectionString ?? throw new InvalidOperationException($"{RequireVariable}=1 but {ConnectionVariable} is not set: the PostgreSQL contract tests cannot run");
}
