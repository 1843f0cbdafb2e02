using Concord.Domain.Releasability;
using Concord.Domain.Stix;

namespace Concord.Domain.Versioning;

/// <summary>What the store already holds of one version of an object, as far as versioning needs to know.</summary>
/// <param name="Originator">Who created that version.</param>
/// <param name="Version">Its version key in ticks (modified, else created, else 0).</param>
/// <param name="Revoked">True when that version revokes the object.</param>
/// <param name="Digest">The digest of its content and distribution.</param>
/// <param name="Tlp">Its TLP level (null when unmarked), for telling a declassification.</param>
public sealed record ExistingVersion(PartyId Originator, long Version, bool Revoked, ReadOnlyMemory<byte> Digest, TlpLevel? Tlp = null);
