namespace Concord.Domain.Deconfliction;

/// <summary>
/// The one rule of deconfliction: two different active operations conflict when their time windows overlap
/// (half-open, margins included), their altitude bands overlap (when both give one; half-open), and their areas
/// share a point (geodesic distance between cores at most the sum of radii, widths and buffers). Every path —
/// the index, brute force, the stores — decides through <see cref="Overlap"/>.
/// </summary>
public static class ConflictRule
{
    /// <summary>The shared time span of two conflicting operations, or null when they do not conflict.</summary>
    public static (DateTimeOffset From, DateTimeOffset Until)? Overlap(OperationVersion a, OperationVersion b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!a.IsActive || !b.IsActive || a.Id == b.Id)
        {
            return null;
        }

        var span = a.Plan.Window.Overlap(b.Plan.Window);
        if (span is null || !AltitudeBand.Overlap(a.Plan.Altitude, b.Plan.Altitude) || !a.Plan.Area.Overlaps(b.Plan.Area))
        {
            return null;
        }

        return span;
    }

    /// <summary>The conflicts of <paramref name="candidate"/> with each of <paramref name="others"/>, checked one by one (the oracle for every index).</summary>
    public static IReadOnlyList<Conflict> BruteForce(IEnumerable<OperationVersion> others, OperationVersion candidate)
    {
        ArgumentNullException.ThrowIfNull(others);
        var conflicts = new List<Conflict>();
        foreach (var other in others)
        {
            if (Overlap(candidate, other) is { } span)
            {
                conflicts.Add(new Conflict(candidate, other, span.From, span.Until));
            }
        }

        return conflicts;
    }
}
