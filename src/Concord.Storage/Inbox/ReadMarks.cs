namespace Concord.Storage.Inbox;

/// <summary>A member's read state over some versions.</summary>
/// <param name="Read">The versions asked about that the member marked read one by one.</param>
/// <param name="AllReadUpTo">When the member last marked everything read, or null.</param>
public sealed record ReadMarks(IReadOnlySet<ObjectVersionKey> Read, DateTimeOffset? AllReadUpTo)
{
    /// <summary>True when a version stored at <paramref name="added"/> counts as read.</summary>
    public bool IsRead(ObjectVersionKey version, DateTimeOffset added) =>
        Read.Contains(version) || (AllReadUpTo is { } upTo && added <= upTo);
}
