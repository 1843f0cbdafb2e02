namespace Concord.Domain.Deconfliction;

/// <summary>What an owner agrees to reveal to the other side of a conflict, beyond the minimum (span, coarse area, contact).</summary>
[Flags]
public enum Reveal
{
    /// <summary>Only the minimum.</summary>
    Nothing = 0,

    /// <summary>The owning party's id.</summary>
    Party = 1,

    /// <summary>The operation's kind.</summary>
    Kind = 2,
}
