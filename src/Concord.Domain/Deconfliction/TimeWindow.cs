namespace Concord.Domain.Deconfliction;

/// <summary>
/// When an operation happens, in UTC, with a safety margin before and after. The window it occupies is
/// half-open: <c>[Start − Margin, End + Margin)</c>. Two windows overlap when each begins before the other ends,
/// so one that ends at 06:00 and one that begins at 06:00 (margins included) do not conflict.
/// </summary>
public sealed record TimeWindow
{
    private TimeWindow(DateTimeOffset start, DateTimeOffset end, TimeSpan margin)
    {
        Start = start;
        End = end;
        Margin = margin;
    }

    /// <summary>Planned start, UTC.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Planned end, UTC (after <see cref="Start"/>).</summary>
    public DateTimeOffset End { get; }

    /// <summary>Safety margin added before the start and after the end.</summary>
    public TimeSpan Margin { get; }

    /// <summary>First instant occupied: <c>Start − Margin</c>.</summary>
    public DateTimeOffset From => Start - Margin;

    /// <summary>First instant no longer occupied: <c>End + Margin</c>.</summary>
    public DateTimeOffset Until => End + Margin;

    /// <summary>A window, or the errors (with the field each concerns) that make it unacceptable.</summary>
    public static bool TryCreate(DateTimeOffset start, DateTimeOffset end, TimeSpan margin, DeconflictionLimits limits, out TimeWindow? window, out IReadOnlyList<DeconflictionError> errors)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var found = new List<DeconflictionError>();
        if (start.Offset != TimeSpan.Zero)
        {
            found.Add(new DeconflictionError("start", "give the start in UTC (with 'Z')"));
        }

        if (end.Offset != TimeSpan.Zero)
        {
            found.Add(new DeconflictionError("end", "give the end in UTC (with 'Z')"));
        }

        if (end <= start)
        {
            found.Add(new DeconflictionError("end", "the window ends before it starts"));
        }

        if (margin < TimeSpan.Zero || margin > limits.MaxMargin)
        {
            found.Add(new DeconflictionError("margin", $"the margin must be between 0 and {limits.MaxMargin}"));
        }
        else if (end > start && end - start + margin + margin > limits.MaxSpan)
        {
            found.Add(new DeconflictionError("end", $"the window spans more than {limits.MaxSpan.TotalDays:0.#} days with its margins; register shorter operations"));
        }

        errors = found;
        window = found.Count == 0 ? new TimeWindow(start, end, margin) : null;
        return window is not null;
    }

    /// <summary>A window; throws <see cref="ArgumentException"/> when invalid.</summary>
    public static TimeWindow Create(DateTimeOffset start, DateTimeOffset end, TimeSpan margin = default, DeconflictionLimits? limits = null) =>
        TryCreate(start, end, margin, limits ?? DeconflictionLimits.Default, out var window, out var errors)
            ? window!
            : throw new ArgumentException(string.Join("; ", errors));

    /// <summary>True when the two windows share an instant (half-open rule, margins included).</summary>
    public bool Overlaps(TimeWindow other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return From < other.Until && other.From < Until;
    }

    /// <summary>The shared span <c>[from, until)</c>, or null when the windows do not overlap.</summary>
    public (DateTimeOffset From, DateTimeOffset Until)? Overlap(TimeWindow other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Overlaps(other) ? (From > other.From ? From : other.From, Until < other.Until ? Until : other.Until) : null;
    }
}
