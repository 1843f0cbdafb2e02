namespace Concord.Storage.Tests.Backends;

/// <summary>
/// One backend's stores for one test class: a shared store made before the first test, and fresh ones for
/// tests whose subject is the whole store (the audit chain). Everything made is removed at the end.
/// </summary>
public abstract class StoreFixture : IAsyncLifetime
{
    private TestStore? _shared;

    /// <summary>The store shared by the class's tests; they keep apart by using their own parties.</summary>
    public TestStore Shared => _shared ?? throw new InvalidOperationException("the fixture was not initialised");

    public abstract string Backend { get; }

    /// <summary>A new, empty, migrated store, removed with the fixture.</summary>
    public abstract Task<TestStore> CreateStoreAsync();

    /// <summary>True when the backend is not configured and its tests are skipped: nothing is made.</summary>
    protected virtual bool Skipped => false;

    public async Task InitializeAsync()
    {
        if (!Skipped)
        {
            _shared = await CreateStoreAsync();
        }
    }

    public abstract Task DisposeAsync();
}
