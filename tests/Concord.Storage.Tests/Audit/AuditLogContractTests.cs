using Concord.Domain.Audit;
using Concord.Storage.Audit;
using Concord.Storage.Tests.Backends;

namespace Concord.Storage.Tests.Audit;

/// <summary>
/// What every backend must do with the audit chain. Each test gets a store of its own: the chain is the whole
/// store's, and some tests break it on purpose with raw SQL, as someone with database access might.
/// </summary>
public abstract class AuditLogContractTests(StoreFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static AuditRecord Record(int i) =>
        new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero).AddSeconds(i), "analyst@ru-fsb", i % 2 == 0 ? "ru-fsb" : null, "read", $"threat-actor--{i}", i % 3 == 0 ? "joint assessment" : null, $"n={i}");

    private static async Task<TestStore> StoreWithEntriesAsync(StoreFixture fixture, int count)
    {
        var store = await fixture.CreateStoreAsync();
        for (var i = 1; i <= count; i++)
        {
            await store.Store.Audit.AppendAsync(Record(i), None);
        }

        return store;
    }

    private static async Task<string?> VerifyAsync(TestStore store) => AuditChain.Verify(await store.Store.Audit.ReadAllAsync(None).ToListAsync());

    [ContractFact]
    public async Task Empty_log_verifies()
    {
        var store = await fixture.CreateStoreAsync();

        Assert.Null(await VerifyAsync(store));
    }

    [ContractFact]
    public async Task Appended_entries_read_back_in_order_as_an_intact_chain()
    {
        var store = await StoreWithEntriesAsync(fixture, 5);

        var entries = await store.Store.Audit.ReadAllAsync(None).ToListAsync();

        Assert.Equal([1L, 2, 3, 4, 5], entries.Select(e => e.Entry.Sequence));
        var third = Record(3);
        Assert.Equal(
            new AuditEntry(3, third.At, third.Actor, third.Party, third.Action, third.Target, third.Purpose, third.Detail),
            entries[2].Entry);
        Assert.Null(AuditChain.Verify(entries));
    }

    [ContractFact]
    public async Task Concurrent_appenders_still_form_one_chain()
    {
        var store = await fixture.CreateStoreAsync();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++)
            {
                await store.Store.Audit.AppendAsync(Record((w * 100) + i), None);
            }
        })));

        var entries = await store.Store.Audit.ReadAllAsync(None).ToListAsync();
        Assert.Equal(60, entries.Count);
        Assert.Null(AuditChain.Verify(entries));
    }

    [ContractFact]
    public async Task Edited_entry_breaks_the_chain()
    {
        var store = await StoreWithEntriesAsync(fixture, 4);
        Assert.Null(await VerifyAsync(store));

        await store.ExecuteSqlAsync("UPDATE audit SET detail = 'n=0' WHERE seq = 2");

        Assert.Equal("entry 2 does not match its hash: it or an earlier entry was altered", await VerifyAsync(store));
    }

    [ContractFact]
    public async Task Deleted_entry_breaks_the_chain()
    {
        var store = await StoreWithEntriesAsync(fixture, 4);
        Assert.Null(await VerifyAsync(store));

        await store.ExecuteSqlAsync("DELETE FROM audit WHERE seq = 2");

        Assert.Equal("entry 2 is missing or out of order (found 3)", await VerifyAsync(store));
    }

    [ContractFact]
    public async Task Reordered_entries_break_the_chain()
    {
        var store = await StoreWithEntriesAsync(fixture, 4);
        Assert.Null(await VerifyAsync(store));

        await store.ExecuteSqlAsync("UPDATE audit SET seq = -2 WHERE seq = 2; UPDATE audit SET seq = 2 WHERE seq = 3; UPDATE audit SET seq = 3 WHERE seq = -2");

        Assert.Equal("entry 2 does not match its hash: it or an earlier entry was altered", await VerifyAsync(store));
    }

    [ContractFact]
    public async Task Entry_rewritten_with_a_recomputed_hash_still_breaks_the_next_one()
    {
        var store = await StoreWithEntriesAsync(fixture, 4);
        var entries = await store.Store.Audit.ReadAllAsync(None).ToListAsync();
        var forged = entries[1].Entry with { Detail = "n=forged" };
        var hash = Convert.ToHexString(AuditChain.Hash(entries[0].Hash, forged));

        await store.ExecuteSqlAsync(store.Store.Description.StartsWith("sqlite", StringComparison.Ordinal)
            ? $"UPDATE audit SET detail = 'n=forged', hash = X'{hash}' WHERE seq = 2"
            : $"UPDATE audit SET detail = 'n=forged', hash = '\\x{hash}'::bytea WHERE seq = 2");

        Assert.Equal("entry 3 does not match its hash: it or an earlier entry was altered", await VerifyAsync(store));
    }
}
