namespace Concord.Domain.Stix;

/// <summary>Traffic Light Protocol 2.0 levels, ordered from least to most restrictive.</summary>
public enum TlpLevel
{
    /// <summary>TLP:CLEAR — no limit on disclosure.</summary>
    Clear = 0,

    /// <summary>TLP:GREEN — the recipient's community, not public channels.</summary>
    Green = 1,

    /// <summary>TLP:AMBER — the recipient's organisation and its clients, need to know.</summary>
    Amber = 2,

    /// <summary>TLP:AMBER+STRICT — the recipient's organisation only.</summary>
    AmberStrict = 3,

    /// <summary>TLP:RED — the individual recipients only.</summary>
    Red = 4,
}
