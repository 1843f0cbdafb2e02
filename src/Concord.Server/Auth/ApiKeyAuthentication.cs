using System.Text.Encodings.Web;
using Concord.Storage.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Concord.Server.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;api key&gt;</c>: the key is looked up by its public id and its
/// hash compared in constant time; the member's party and channels are resolved once, here, for the request.
/// </summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ActorResolver actors)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        string token;
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = header[7..].Trim();
        }
        else if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) && BasicPassword(header[6..].Trim()) is { } password)
        {
            // HTTP Basic, as TAXII clients send it: the API key is the password; the user name is not trusted.
            token = password;
        }
        else
        {
            return AuthenticateResult.Fail("the Authorization header must be 'Bearer <api key>' (or HTTP Basic with the API key as the password)");
        }

        var actor = await actors.AuthenticateAsync(token, Context.RequestAborted);
        if (actor is null)
        {
            return AuthenticateResult.Fail("unknown or revoked API key");
        }

        Context.Features.Set(actor);
        return AuthenticateResult.Success(new AuthenticationTicket(ConcordClaims.Principal(actor, SchemeName), SchemeName));
    }

    private static string? BasicPassword(string encoded)
    {
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : text[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        // The authentication middleware keeps only successful results in the request features; ask the handler's own.
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        await Problems.ProblemWriter.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Not authenticated",
            failure ?? "send 'Authorization: Bearer <api key>'");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.ProblemWriter.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", "this member's role may not do that");
}
