namespace Concord.Server.Deconfliction;

/// <summary>
/// Wakes the node's notice streams when the feed may have grown: every waiter gets the same task, completed
/// and replaced on each pulse. Streams then read their own party's feed from the store, so nothing is lost.
/// </summary>
internal sealed class NoticeHub
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A task that completes at the next pulse.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Wakes every waiter.</summary>
    public void Pulse() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
