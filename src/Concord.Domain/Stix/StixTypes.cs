using System.Collections.Frozen;

namespace Concord.Domain.Stix;

/// <summary>The STIX 2.1 object types and their categories.</summary>
public static class StixTypes
{
    /// <summary>The 19 STIX Domain Object types of STIX 2.1.</summary>
    public static readonly FrozenSet<string> DomainObjects = FrozenSet.Create(StringComparer.Ordinal,
        "attack-pattern", "campaign", "course-of-action", "grouping", "identity", "incident", "indicator",
        "infrastructure", "intrusion-set", "location", "malware", "malware-analysis", "note", "observed-data",
        "opinion", "report", "threat-actor", "tool", "vulnerability");

    /// <summary>The two STIX Relationship Object types.</summary>
    public static readonly FrozenSet<string> RelationshipObjects = FrozenSet.Create(StringComparer.Ordinal, "relationship", "sighting");

    /// <summary>The 18 STIX Cyber-observable Object types of STIX 2.1.</summary>
    public static readonly FrozenSet<string> ObservableObjects = FrozenSet.Create(StringComparer.Ordinal,
        "artifact", "autonomous-system", "directory", "domain-name", "email-addr", "email-message", "file",
        "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic", "process", "software", "url",
        "user-account", "windows-registry-key", "x509-certificate");

    /// <summary>The meta object types.</summary>
    public static readonly FrozenSet<string> MetaObjects = FrozenSet.Create(StringComparer.Ordinal,
        "marking-definition", "language-content", "extension-definition");

    /// <summary>The category of a type name.</summary>
    public static StixCategory CategoryOf(string type) =>
        DomainObjects.Contains(type) ? StixCategory.Domain
        : RelationshipObjects.Contains(type) ? StixCategory.Relationship
        : ObservableObjects.Contains(type) ? StixCategory.Observable
        : MetaObjects.Contains(type) ? StixCategory.Meta
        : StixCategory.Custom;

    /// <summary>
    /// True when the text is a valid STIX type name: 3–250 characters of lower-case ASCII letters, digits and
    /// hyphens, starting with a letter, no double hyphen, not ending in a hyphen.
    /// </summary>
    public static bool IsValidTypeName(string? type) => type is not null && IsValidTypeName(type.AsSpan());

    /// <summary>True when <paramref name="type"/> is a well-formed STIX type name.</summary>
    public static bool IsValidTypeName(ReadOnlySpan<char> type)
    {
        if (type.Length is < 3 or > 250 || type[0] is < 'a' or > 'z' || type[^1] == '-')
        {
            return false;
        }

        for (var i = 0; i < type.Length; i++)
        {
            var c = type[i];
            var ok = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') || (c == '-' && type[i - 1] != '-');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
