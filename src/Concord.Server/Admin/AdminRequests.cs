namespace Concord.Server.Admin;

/// <summary>A new party.</summary>
/// <param name="Id">Party id, e.g. <c>ru-fsb</c>.</param>
/// <param name="Name">Full name.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code, or null.</param>
/// <param name="Kind">StateService, InternationalOrganisation or Institute.</param>
public sealed record AddPartyRequest(string? Id, string? Name, string? Country, string? Kind);

/// <summary>A new channel and its first members.</summary>
public sealed record AddChannelRequest(string? Id, string? Name, string? Description, IReadOnlyList<string>? Members);

/// <summary>A new member: <c>name@party</c> (or <c>name@node</c> for an administrator).</summary>
public sealed record AddMemberRequest(string? Id, string? DisplayName, string? Role);

/// <summary>A party to add to a channel.</summary>
public sealed record ChannelMemberRequest(string? Party);

/// <summary>A freshly created API key; the token is shown this once.</summary>
public sealed record NewKeyResponse(string Member, string KeyId, string Token);

/// <summary>The outcome of checking the audit chain.</summary>
public sealed record AuditVerifyResponse(bool Intact, long Entries, string? Head, string? Problem);
