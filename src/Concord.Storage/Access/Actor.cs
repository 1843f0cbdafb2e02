using Concord.Domain.Directory;
using Concord.Domain.Releasability;

namespace Concord.Storage.Access;

/// <summary>
/// A member acting on the node, resolved once per request or command: who it is, its role, and — when it
/// belongs to a party — the reader that decides what it may see.
/// </summary>
/// <param name="Member">The member.</param>
/// <param name="Role">Its role.</param>
/// <param name="Reader">Its party and channels, or null for a node administrator (who reads no STIX data).</param>
public sealed record Actor(MemberId Member, MemberRole Role, Reader? Reader)
{
    /// <summary>The member's party, or null.</summary>
    public PartyId? Party => Reader?.Party;

    /// <summary>True for node administrators.</summary>
    public bool IsAdministrator => Role == MemberRole.Administrator;

    /// <summary>The reader, or an exception: a read without a party is a programming error, never "anonymous".</summary>
    public Reader RequireReader() => Reader ?? throw new InvalidOperationException($"member {Member} belongs to no party and reads no STIX data");
}
