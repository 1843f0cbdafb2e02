namespace Concord.Domain.Directory;

/// <summary>What sort of body a party is.</summary>
public enum PartyKind
{
    /// <summary>A state service (intelligence, security, law enforcement, military).</summary>
    StateService,

    /// <summary>An international organisation (the EU, NATO, the UN).</summary>
    InternationalOrganisation,

    /// <summary>A track-2 institute or other non-governmental body, often a secretariat.</summary>
    Institute,
}
