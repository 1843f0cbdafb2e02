using System.Security.Claims;
using Concord.Storage.Access;

namespace Concord.Server.Auth;

/// <summary>Claim types and policy names of Concord.</summary>
internal static class ConcordClaims
{
    public const string Party = "concord:party";
    public const string PartyMemberPolicy = "party-member";
    public const string AdministratorPolicy = "administrator";

    /// <summary>The principal of an authenticated actor, the same whichever way it signed in.</summary>
    public static ClaimsPrincipal Principal(Actor actor, string scheme)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, actor.Member.ToString()),
            new(ClaimTypes.Role, actor.Role.ToString()),
        };
        if (actor.Party is { } party)
        {
            claims.Add(new Claim(Party, party.Value));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
