namespace Concord.Storage.Objects;

/// <summary>A page of the latest readable versions, and where the next page starts (null at the end).</summary>
/// <param name="Items">The versions, in store order.</param>
/// <param name="Next">The store sequence number to continue after, or null.</param>
public sealed record ObjectPage(IReadOnlyList<StoredVersion> Items, long? Next);
