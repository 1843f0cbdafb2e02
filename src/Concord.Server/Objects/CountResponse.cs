namespace Concord.Server.Objects;

/// <summary>How many objects match.</summary>
/// <param name="Count">The number of objects the caller may read that match the filters.</param>
public sealed record CountResponse(long Count);
