using Concord.Domain.Releasability;
using Concord.Domain.Stix;

namespace Concord.Domain.Versioning;

/// <summary>
/// Which new versions must reach everyone who had the object: a revocation, and a declassification — a version
/// whose TLP is less restrictive than that of the originator's version before it (unmarked counts as AMBER).
/// Such a version is released to its own release and to the release of every earlier version of the same
/// originator, so no earlier recipient keeps acting on a withdrawn or over-restricted item.
/// </summary>
public static class Propagation
{
    /// <summary>True when the incoming version reaches the recipients of every earlier version.</summary>
    /// <param name="revoked">The incoming version revokes the object.</param>
    /// <param name="tlp">The incoming version's TLP.</param>
    /// <param name="version">The incoming version key.</param>
    /// <param name="originator">Its originator.</param>
    /// <param name="held">What is held of the object.</param>
    public static bool ReachesEarlierRecipients(bool revoked, TlpLevel? tlp, long version, PartyId originator, IEnumerable<ExistingVersion> held)
    {
        ArgumentNullException.ThrowIfNull(held);
        if (revoked)
        {
            return true;
        }

        ExistingVersion? previous = null;
        foreach (var h in held)
        {
            if (h.Originator == originator && h.Version < version && (previous is null || h.Version > previous.Version))
            {
                previous = h;
            }
        }

        return previous is not null && Effective(tlp) < Effective(previous.Tlp);
    }

    private static TlpLevel Effective(TlpLevel? tlp) => tlp ?? TlpLevel.Amber;
}
