using Concord.Domain.Federation;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;

namespace Concord.Domain.Directory;

/// <summary>A party hosted on a node: a state service, an international organisation or an institute.</summary>
/// <param name="Id">The party's id on the node, e.g. <c>ru-fsb</c>.</param>
/// <param name="Name">Its full name.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code of its state, or null for organisations.</param>
/// <param name="Kind">What sort of body it is.</param>
/// <param name="IdentityId">The STIX identity that stands for the party in <c>created_by_ref</c>.</param>
public sealed record Party(PartyId Id, string Name, string? Country, PartyKind Kind, StixId IdentityId)
{
    /// <summary>
    /// The node that hosts the party when it is a partner's party known here for federation, or null when this node
    /// hosts it. Only the hosting node's signature is accepted on versions the party originates.
    /// </summary>
    public NodeId? Node { get; init; }

    /// <summary>True when this node hosts the party.</summary>
    public bool IsLocal => Node is null;
}
