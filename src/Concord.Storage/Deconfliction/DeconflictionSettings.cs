using Concord.Domain.Deconfliction;

namespace Concord.Storage.Deconfliction;

/// <summary>A node's deconfliction settings: what an operation may claim, and how coarse notices are.</summary>
/// <param name="Limits">Limits on areas and windows.</param>
/// <param name="Disclosure">Grid and time step of notices.</param>
public sealed record DeconflictionSettings(DeconflictionLimits Limits, DisclosurePolicy Disclosure)
{
    /// <summary>The defaults of <see cref="DeconflictionLimits"/> and <see cref="DisclosurePolicy"/>.</summary>
    public static DeconflictionSettings Default { get; } = new(DeconflictionLimits.Default, DisclosurePolicy.Default);
}
