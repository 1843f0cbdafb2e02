using Concord.Server.Auth;
using Concord.Server.Hosting;
using Concord.Server.Problems;
using Concord.Storage;
using Concord.Storage.Access;
using Concord.Storage.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Concord.Server.Sessions;

/// <summary>
/// Browser sign-in under <c>/api/session</c>: a member's API key is exchanged for an HttpOnly, SameSite=Strict
/// session cookie (Secure over TLS); the session resolves to the same actor as the key, so every route answers
/// the browser exactly as it answers the key.
/// </summary>
internal static class SessionApi
{
    /// <summary>Adds the session scheme and the scheme that chooses between API key and session.</summary>
    public static AuthenticationBuilder AddSessions(this AuthenticationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SessionStore>();
        builder.AddScheme<AuthenticationSchemeOptions, SessionAuthentication>(SessionAuthentication.SchemeName, null);
        builder.AddPolicyScheme(SessionAuthentication.SelectorScheme, null, o => o.ForwardDefaultSelector = context =>
            context.Request.Headers.Authorization.Count == 0 && context.Request.Cookies.ContainsKey(SessionAuthentication.CookieName)
                ? SessionAuthentication.SchemeName
                : ApiKeyAuthentication.SchemeName);
        return builder;
    }

    public static RouteGroupBuilder MapSessionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/session").WithMetadata(new NoStixDataAttribute()).WithTags("Session");
        group.MapPost("/", SignInAsync).AllowAnonymous().WithName("SignIn").WithSummary("Exchange a member's API key for a browser session cookie.");
        group.MapGet("/", Current).RequireAuthorization(ConcordClaims.PartyMemberPolicy).WithName("CurrentSession").WithSummary("The signed-in member, and the session's CSRF token.");
        group.MapDelete("/", SignOut).WithName("SignOut").WithSummary("End the browser session.");
        return group;
    }

    private static async Task<Results<Ok<SessionView>, ProblemHttpResult>> SignInAsync(
        SignInRequest request, HttpContext context, ActorResolver actors, SessionStore sessions, IConcordStore store, FailedAuthenticationLimit limit)
    {
        if (!CsrfProtection.FromThisOrigin(context.Request))
        {
            return ProblemWriter.Forbidden("sign in from this node's own pages");
        }

        var key = request.ApiKey?.Trim();
        var actor = await actors.AuthenticateAsync(key, context.RequestAborted);
        if (actor is null)
        {
            return limit.TryRecordFailure(context)
                ? TypedResults.Problem(ProblemWriter.Create(StatusCodes.Status401Unauthorized, "Not authenticated", "unknown or revoked API key", Pointer("/api_key")))
                : TypedResults.Problem(ProblemWriter.Create(StatusCodes.Status429TooManyRequests, "Too many requests", "too many failed sign-ins from this address; try again in a minute"));
        }

        if (actor.Party is null)
        {
            return ProblemWriter.Forbidden("the workspace is for members of a party; node administrators use the CLI or the admin API");
        }

        var (token, session) = sessions.Open(actor.Member, Domain.Directory.ApiKeyToken.TryParse(key, out var parsed) ? parsed.KeyId : string.Empty);
        context.Response.Cookies.Append(SessionAuthentication.CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            IsEssential = true,
        });
        await store.Audit.AppendAsync(new AuditRecord(DateTimeOffset.UtcNow, actor.Member.ToString(), actor.Party?.Value, "sign-in", null, null, $"session key={session.KeyId}"), context.RequestAborted);
        return TypedResults.Ok(await ViewAsync(actor, session, store, sessions, context.RequestAborted));
    }

    private static async Task<Ok<SessionView>> Current(HttpContext context, IConcordStore store, SessionStore sessions) =>
        TypedResults.Ok(await ViewAsync(context.Actor(), context.Features.Get<Session>(), store, sessions, context.RequestAborted));

    private static NoContent SignOut(HttpContext context, SessionStore sessions)
    {
        sessions.Close(context.Request.Cookies[SessionAuthentication.CookieName]);
        context.Response.Cookies.Delete(SessionAuthentication.CookieName, new CookieOptions { Path = "/", HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Strict });
        return TypedResults.NoContent();
    }

    private static async Task<SessionView> ViewAsync(Actor actor, Session? session, IConcordStore store, SessionStore sessions, CancellationToken cancellationToken)
    {
        var party = actor.Party is { } id ? await store.Directory.GetPartyAsync(id, cancellationToken) : null;
        return new SessionView(actor.Member.ToString(), actor.Role.ToString(), actor.Party?.Value, party?.Name, session?.CsrfToken, (int)sessions.IdleTimeout.TotalSeconds);
    }

    private static Dictionary<string, object?> Pointer(string pointer) => new() { ["pointer"] = pointer };
}
