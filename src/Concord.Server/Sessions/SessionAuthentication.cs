using System.Text.Encodings.Web;
using Concord.Server.Auth;
using Concord.Storage;
using Concord.Storage.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Concord.Server.Sessions;

/// <summary>
/// Authenticates the browser's session cookie. The member's actor is resolved afresh on every request, exactly
/// as on the API-key path, so channel changes take effect at once and every route applies the same rule; a
/// session whose key was revoked or whose member was disabled ends.
/// </summary>
internal sealed class SessionAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SessionStore sessions,
    ActorResolver actors,
    IConcordStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Session";

    /// <summary>The scheme that picks the API key when an Authorization header is sent, else the session cookie.</summary>
    public const string SelectorScheme = "ApiKeyOrSession";

    public const string CookieName = "concord_session";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(token))
        {
            return AuthenticateResult.NoResult();
        }

        var session = sessions.Find(token);
        if (session is null)
        {
            return AuthenticateResult.Fail("the session has expired or was signed out; sign in again");
        }

        var key = await store.Directory.FindKeyAsync(session.KeyId, Context.RequestAborted);
        var actor = key is null || key.Revoked is not null ? null : await actors.ResolveAsync(session.Member, Context.RequestAborted);
        if (actor is null)
        {
            sessions.CloseAll(session.Member);
            return AuthenticateResult.Fail("the session's key was revoked or its member disabled; sign in again");
        }

        Context.Features.Set(actor);
        Context.Features.Set(session);
        return AuthenticateResult.Success(new AuthenticationTicket(ConcordClaims.Principal(actor, SchemeName), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        await Problems.ProblemWriter.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Not authenticated", failure ?? "sign in again");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.ProblemWriter.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", "this member's role may not do that");
}
