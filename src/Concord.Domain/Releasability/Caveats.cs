namespace Concord.Domain.Releasability;

/// <summary>
/// Handling caveats an originator puts on a version, binding every recipient. The H codes follow the spirit
/// of Europol SIENA's handling codes.
/// </summary>
[Flags]
#pragma warning disable CA1711 // "Caveats" is the field's own word, not a collection suffix.
public enum Caveats
#pragma warning restore CA1711
{
    /// <summary>No caveat.</summary>
    None = 0,

    /// <summary>ORCON: originator controlled, no onward release without the originator's consent.</summary>
    Orcon = 1,

    /// <summary>H0: use only for the stated purpose.</summary>
    PurposeOnly = 2,

    /// <summary>H1: not to be used in court without the originator's permission.</summary>
    NoCourtUse = 4,

    /// <summary>H2: no onward sharing.</summary>
    NoOnwardSharing = 8,

    /// <summary>H3: another restriction, stated in words.</summary>
    OtherRestriction = 16,
}
