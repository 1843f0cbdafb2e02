namespace Concord.Storage.Tests.Backends;

/// <summary>
/// A test that needs PostgreSQL itself (not a contract test): skipped with its reason while no server is
/// configured, and run (so failing) when <c>CONCORD_REQUIRE_POSTGRES=1</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = PostgresEnvironment.SkipReason;
    }
}
