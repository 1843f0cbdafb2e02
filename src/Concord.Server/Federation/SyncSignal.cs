namespace Concord.Server.Federation;

/// <summary>
/// Wakes the sync loop the moment something is published here (an import, a release, a withdrawal, an object a peer
/// sent that may go on to a third node), so a released object reaches partners without waiting for the next poll.
/// </summary>
public sealed class SyncSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    /// <summary>Something changed: sync now.</summary>
    public void Notify()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up covers every change so far.
        }
    }

    /// <summary>Waits for a signal or the timeout, whichever is first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _pending.Dispose();
}
