using Concord.Domain.Releasability;
using Concord.Domain.Stix;

namespace Concord.Storage.Objects;

/// <summary>One object version as read back from the store, for a reader who may read it.</summary>
/// <param name="Pk">The store's sequence number of the version (insertion order).</param>
/// <param name="Id">The object id.</param>
/// <param name="Version">The version key (modified, else created, else zero).</param>
/// <param name="Revoked">True when this version revokes the object.</param>
/// <param name="Distribution">Originator, release (all of it; narrow it per reader when showing), TLP, caveats.</param>
/// <param name="Grading">Admiralty grading, if given.</param>
/// <param name="Added">When the node stored it.</param>
/// <param name="Json">The object's JSON without Concord's extension.</param>
public sealed record StoredVersion(
    long Pk,
    StixId Id,
    StixTimestamp Version,
    bool Revoked,
    Distribution Distribution,
    Grading? Grading,
    DateTimeOffset Added,
    ReadOnlyMemory<byte> Json)
{
    /// <summary>The object type.</summary>
    public string Type => Id.Type;
}
