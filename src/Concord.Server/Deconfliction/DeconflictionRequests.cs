using Concord.Storage.Deconfliction;

namespace Concord.Server.Deconfliction;

/// <summary>How a conflict was resolved: moved, shortened, cancelled or other.</summary>
/// <param name="Resolution">The resolution.</param>
internal sealed record ResolveRequest(string? Resolution);

/// <summary>Where to post the party's notices, and the shared secret that signs them (HMAC-SHA256).</summary>
/// <param name="Url">An http(s) URL.</param>
/// <param name="Secret">16 to 256 characters.</param>
internal sealed record WebhookRequest(string? Url, string? Secret);

/// <summary>One refused field.</summary>
/// <param name="Pointer">JSON pointer into the request.</param>
/// <param name="Message">What is wrong.</param>
internal sealed record ErrorItem(string Pointer, string Message);

/// <summary>What a webhook receives: one entry of the party's feed.</summary>
/// <param name="Seq">Feed position.</param>
/// <param name="Type">conflict, updated, acknowledged, escalated, resolved.</param>
/// <param name="ConflictId">The conflict.</param>
/// <param name="At">When.</param>
/// <param name="Notice">The party's notice as it stood then.</param>
internal sealed record WebhookDelivery(long Seq, string Type, string ConflictId, DateTimeOffset At, NoticeView Notice);
