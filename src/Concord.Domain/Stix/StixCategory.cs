namespace Concord.Domain.Stix;

/// <summary>The kinds of top-level STIX object, which decide the common properties an object must carry.</summary>
public enum StixCategory
{
    /// <summary>A type Concord does not know: a custom object, kept as it came provided its common properties hold.</summary>
    Custom,

    /// <summary>STIX Domain Object (threat-actor, report, …).</summary>
    Domain,

    /// <summary>STIX Relationship Object (relationship, sighting).</summary>
    Relationship,

    /// <summary>STIX Cyber-observable Object (ipv4-addr, file, …): no created/modified, not versioned.</summary>
    Observable,

    /// <summary>Meta objects: marking-definition, language-content, extension-definition.</summary>
    Meta,
}
