namespace Concord.Domain.Deconfliction;

/// <summary>The node's limits on what an operation may claim, checked at registration and amendment.</summary>
public sealed record DeconflictionLimits
{
    /// <summary>The defaults: 500 km from the area's centre, 31 days, 12 h of margin, 2,000 vertices.</summary>
    public static DeconflictionLimits Default { get; } = new();

    /// <summary>Largest distance, in metres, from an area's centre to its farthest point (after width, radius and buffer).</summary>
    public double MaxReachMetres { get; init; } = 500_000;

    /// <summary>Longest time window, margins included.</summary>
    public TimeSpan MaxSpan { get; init; } = TimeSpan.FromDays(31);

    /// <summary>Largest safety margin before and after the window.</summary>
    public TimeSpan MaxMargin { get; init; } = TimeSpan.FromHours(12);

    /// <summary>Most vertices in one area.</summary>
    public int MaxVertices { get; init; } = 2_000;
}
