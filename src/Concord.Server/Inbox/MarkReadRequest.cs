namespace Concord.Server.Inbox;

/// <summary>Versions to mark read.</summary>
/// <param name="Versions">Each an object id and the version key the inbox showed.</param>
public sealed record MarkReadRequest(IReadOnlyList<VersionRef>? Versions);

/// <summary>One version of one object.</summary>
/// <param name="Id">The object id.</param>
/// <param name="Version">The version key as the inbox gave it.</param>
public sealed record VersionRef(string? Id, string? Version);
