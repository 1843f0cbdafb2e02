namespace Concord.Domain.Directory;

/// <summary>What a member does. Reading STIX data needs a party; administering the node needs <see cref="Administrator"/>.</summary>
public enum MemberRole
{
    /// <summary>Writes and reads intelligence for a party.</summary>
    Analyst,

    /// <summary>Releases items to partners and answers requests for information.</summary>
    Liaison,

    /// <summary>Receives deconfliction alerts.</summary>
    DutyOfficer,

    /// <summary>Runs working-group meetings, the roadmap and assessment drafts.</summary>
    Secretariat,

    /// <summary>Reads assessments.</summary>
    Reader,

    /// <summary>Administers the node: parties, channels, members, keys. Reads no STIX data by that role.</summary>
    Administrator,
}
