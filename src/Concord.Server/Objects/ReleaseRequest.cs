namespace Concord.Server.Objects;

/// <summary>Parties and channels to release an object to.</summary>
/// <param name="Channels">Channel ids (channels the caller's party is a member of).</param>
/// <param name="Parties">Party ids.</param>
public sealed record ReleaseRequest(IReadOnlyList<string>? Channels, IReadOnlyList<string>? Parties);
