using Concord.Domain.Stix;

namespace Concord.Domain.Releasability;

/// <summary>
/// What governs who reads an object version and what they may do with it: its originator, its release,
/// its TLP level (from its marking refs) and its handling caveats.
/// </summary>
/// <param name="Originator">The party that created the version; it alone decides the release.</param>
/// <param name="Release">Channels and parties the version is released to, including permitted forwards.</param>
/// <param name="Tlp">The TLP level, or null when the version carries no TLP marking (handled as TLP:AMBER).</param>
/// <param name="Handling">Caveats.</param>
public sealed record Distribution(PartyId Originator, Release Release, TlpLevel? Tlp, Handling Handling)
{
    /// <summary>The level recipients must honour: the marked one, or AMBER when unmarked.</summary>
    public TlpLevel EffectiveTlp => Tlp ?? TlpLevel.Amber;
}
