namespace Concord.Domain.Versioning;

/// <summary>What happens to an incoming object version.</summary>
public enum VersionVerdict
{
    /// <summary>A new version: store it.</summary>
    Insert,

    /// <summary>The same version with the same content and distribution is already held: nothing to do.</summary>
    Unchanged,

    /// <summary>A version with the same id and modified time but different content or distribution is held.</summary>
    Conflict,

    /// <summary>The object belongs to another originator; only the originator makes new versions.</summary>
    NotOriginator,

    /// <summary>The object was revoked at an earlier time; STIX allows no later version.</summary>
    AfterRevocation,
}
