namespace Concord.Domain.Deconfliction;

/// <summary>
/// How sensitive an operation is to its owner. The more sensitive of the two operations in a conflict decides
/// how coarse the area in both notices is (see <see cref="DisclosurePolicy"/>).
/// </summary>
public enum Sensitivity
{
    /// <summary>Routine: the finest disclosed grid.</summary>
    Routine,

    /// <summary>Sensitive: a coarser grid.</summary>
    Sensitive,

    /// <summary>Highly sensitive: the coarsest grid.</summary>
    HighlySensitive,
}
