namespace Concord.Storage.Tests.Backends;

/// <summary>A migrated store under test, and a way to reach around it with raw SQL (to tamper, as an attacker with database access would).</summary>
public sealed class TestStore(IConcordStore store, Func<string, Task> executeSql)
{
    public IConcordStore Store { get; } = store;

    public Task ExecuteSqlAsync(string sql) => executeSql(sql);
}
