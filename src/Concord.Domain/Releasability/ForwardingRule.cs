using Concord.Domain.Stix;

namespace Concord.Domain.Releasability;

/// <summary>
/// Whether a reader may pass a version on to more parties or channels. The originator may always widen its
/// own release. A recipient may forward only what TLP and caveats allow: TLP:CLEAR anywhere, TLP:GREEN
/// within the node's community (its parties and the reader's channels), nothing AMBER, AMBER+STRICT or RED
/// (unmarked counts as AMBER), and nothing under ORCON or H2. A recipient forwards only to channels it is
/// itself a member of.
/// </summary>
public static class ForwardingRule
{
    /// <summary>Null when the forward is allowed, otherwise the reason it is refused.</summary>
    public static string? Refusal(Reader reader, Distribution distribution, Release target)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(distribution);
        ArgumentNullException.ThrowIfNull(target);
        if (target.IsEmpty)
        {
            return "the release names no party and no channel";
        }

        if (reader.Party == distribution.Originator)
        {
            return target.Channels.All(reader.Channels.Contains) ? null : "a party can release only to channels it is a member of";
        }

        if (OnwardRefusal(reader, distribution) is { } refusal)
        {
            return refusal;
        }

        if (!target.Channels.All(reader.Channels.Contains))
        {
            return "a party can release only to channels it is a member of";
        }

        return null;
    }

    /// <summary>
    /// Null when the reader may pass the version on to someone (the originator always may), otherwise why not —
    /// the part of the rule that does not depend on the target, for offering a release at all.
    /// </summary>
    public static string? OnwardRefusal(Reader reader, Distribution distribution)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(distribution);
        if (reader.Party == distribution.Originator)
        {
            return null;
        }

        if (!ReleasabilityRule.CanRead(reader, distribution))
        {
            // Callers turn this into "not found": an unreadable version does not exist for the reader.
            return "not found";
        }

        if (distribution.Handling.Caveats.HasFlag(Caveats.Orcon))
        {
            return "ORCON: onward release needs the originator's consent";
        }

        if (distribution.Handling.Caveats.HasFlag(Caveats.NoOnwardSharing))
        {
            return "H2: no onward sharing";
        }

        if (distribution.EffectiveTlp > TlpLevel.Green)
        {
            var label = distribution.Tlp is { } tlp ? Tlp.LabelOf(tlp) : "an unmarked item (handled as TLP:AMBER)";
            return $"{label} may not be passed to other parties";
        }

        return null;
    }

    /// <summary>True when the forward is allowed.</summary>
    public static bool Allows(Reader reader, Distribution distribution, Release target) => Refusal(reader, distribution, target) is null;
}
