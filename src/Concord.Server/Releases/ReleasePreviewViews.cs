namespace Concord.Server.Releases;

/// <summary>A release to preview.</summary>
/// <param name="Channels">Channel ids (your party's channels).</param>
/// <param name="Parties">Party ids.</param>
public sealed record ReleasePreviewRequest(IReadOnlyList<string>? Channels, IReadOnlyList<string>? Parties);

/// <summary>Every party that would receive it (your own party is never listed: it always reads its own).</summary>
/// <param name="Recipients">The parties, by id.</param>
public sealed record ReleasePreview(IReadOnlyList<PreviewRecipient> Recipients);

/// <summary>One receiving party and how the release reaches it.</summary>
/// <param name="Party">Party id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Country">Its country, if a state's.</param>
/// <param name="Via">Channel ids, and/or <c>direct</c>.</param>
public sealed record PreviewRecipient(string Party, string Name, string? Country, IReadOnlyList<string> Via);
