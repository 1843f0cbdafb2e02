namespace Concord.Server.Auth;

/// <summary>Claim types and policy names of Concord.</summary>
internal static class ConcordClaims
{
    public const string Party = "concord:party";
    public const string PartyMemberPolicy = "party-member";
    public const string AdministratorPolicy = "administrator";
}
