using System.Security.Cryptography;
using System.Text;
using Concord.Server.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Concord.Server.Sessions;

/// <summary>
/// Cross-site request forgery protection for cookie sessions: every state-changing request authenticated by the
/// session cookie must carry the session's synchronizer token in <c>X-CSRF-Token</c> (compared in constant time).
/// Requests authenticated by an API key carry no ambient credential and need none. The cookie is also
/// <c>SameSite=Strict</c>, and the sign-in itself accepts only a JSON body from this origin.
/// </summary>
internal static class CsrfProtection
{
    public const string HeaderName = "X-CSRF-Token";

    /// <summary>Runs after authentication.</summary>
    public static void Use(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!IsSafe(context.Request.Method) && context.Features.Get<Session>() is { } session
            && !Matches(context.Request.Headers[HeaderName].ToString(), session.CsrfToken))
        {
            await ProblemWriter.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", $"the {HeaderName} header is missing or wrong; reload the page");
            return;
        }

        await next(context);
    });

    /// <summary>True when an Origin header, if sent, names this server (for the sign-in, which has no session yet).</summary>
    public static bool FromThisOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    private static bool Matches(string presented, string expected) =>
        presented.Length == expected.Length && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(expected));
}
