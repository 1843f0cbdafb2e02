namespace Concord.Server.Sessions;

/// <summary>Signing in: a member's API key, exchanged for a session; the key itself is not kept by the browser.</summary>
/// <param name="ApiKey">The member's API key.</param>
public sealed record SignInRequest(string? ApiKey);

/// <summary>The signed-in member as the workspace needs it.</summary>
/// <param name="Member">name@party.</param>
/// <param name="Role">The member's role.</param>
/// <param name="Party">Its party.</param>
/// <param name="PartyName">The party's name.</param>
/// <param name="CsrfToken">Send it as <c>X-CSRF-Token</c> on every state change made with the session cookie.</param>
/// <param name="IdleTimeoutSeconds">A session unused this long ends.</param>
public sealed record SessionView(string Member, string Role, string? Party, string? PartyName, string? CsrfToken, int IdleTimeoutSeconds);
