namespace Concord.Domain.Deconfliction;

/// <summary>
/// How coarse a conflict notice is: the grid (in degrees) the disclosed area is snapped outward to, by the
/// higher sensitivity of the two operations, and the step the disclosed time span is rounded outward to.
/// </summary>
public sealed record DisclosurePolicy
{
    /// <summary>0.1° (≈ 11 km) for routine, 0.25° for sensitive, 0.5° for highly sensitive; 15 minutes.</summary>
    public static DisclosurePolicy Default { get; } = new();

    /// <summary>Grid for routine operations, degrees.</summary>
    public double RoutineGrid { get; init; } = 0.1;

    /// <summary>Grid for sensitive operations, degrees.</summary>
    public double SensitiveGrid { get; init; } = 0.25;

    /// <summary>Grid for highly sensitive operations, degrees.</summary>
    public double HighlySensitiveGrid { get; init; } = 0.5;

    /// <summary>The disclosed span starts and ends on multiples of this.</summary>
    public TimeSpan TimeStep { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The grid for a conflict between operations of these sensitivities.</summary>
    public double GridFor(Sensitivity a, Sensitivity b) => (Sensitivity)Math.Max((int)a, (int)b) switch
    {
        Sensitivity.Routine => RoutineGrid,
        Sensitivity.Sensitive => SensitiveGrid,
        _ => HighlySensitiveGrid,
    };
}
