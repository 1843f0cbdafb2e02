namespace Concord.Domain.Deconfliction;

/// <summary>
/// Turns a conflict into the notices its parties receive — the one place that decides what a party learns of
/// another's operation (see <see cref="ConflictNotice"/>).
/// </summary>
public static class Disclosure
{
    /// <summary>Two notices (one per side), or one internal note when both operations are one party's.</summary>
    public static IReadOnlyList<ConflictNotice> Notices(Conflict conflict, DisclosurePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        ArgumentNullException.ThrowIfNull(policy);
        var a = conflict.Registered;
        var b = conflict.Existing;
        var box = a.Plan.Area.OverlapBox(b.Plan.Area);
        var area = Snap(box, policy.GridFor(a.Plan.Sensitivity, b.Plan.Sensitivity));
        var from = Floor(conflict.From, policy.TimeStep);
        var until = Ceiling(conflict.Until, policy.TimeStep);
        if (conflict.Internal)
        {
            return [new ConflictNotice(a.Party, a.Id, from, until, area, CounterpartContact.Of(b.Plan.Contact), b.Party, b.Plan.Kind, true, b.Id)];
        }

        return
        [
            For(a, b, from, until, area),
            For(b, a, from, until, area),
        ];
    }

    /// <summary>The box snapped outward to a grid of <paramref name="grid"/> degrees (at least one cell each way).</summary>
    public static LonLatBox Snap(LonLatBox box, double grid)
    {
        ArgumentNullException.ThrowIfNull(box);
        if (!(grid > 0) || grid > 90)
        {
            throw new ArgumentOutOfRangeException(nameof(grid), "the grid must be more than 0 and at most 90 degrees");
        }

        var south = Math.Max(-90, Round(Math.Floor(Round(box.South / grid)) * grid));
        var north = Math.Min(90, Round(Math.Ceiling(Round(box.North / grid)) * grid));
        if (north <= south)
        {
            (south, north) = north >= 90 ? (Math.Max(-90, north - grid), north) : (south, Math.Min(90, south + grid));
        }

        if (box.LongitudeSpan >= 360 - grid || south <= -90 || north >= 90)
        {
            return new LonLatBox(-180, south, 180, north);
        }

        var west = Round(Math.Floor(Round((box.West + 180) / grid)) * grid) - 180;
        var eastSpan = Round(Math.Ceiling(Round((box.West + 180 + box.LongitudeSpan) / grid)) * grid) - 180 - west;
        if (eastSpan <= 0)
        {
            eastSpan = grid;
        }

        var east = west + eastSpan;
        return new LonLatBox(Round(west), south, Round(east > 180 ? east - 360 : east), north);
    }

    private static ConflictNotice For(OperationVersion mine, OperationVersion theirs, DateTimeOffset from, DateTimeOffset until, LonLatBox area) =>
        new(
            mine.Party,
            mine.Id,
            from,
            until,
            area,
            CounterpartContact.Of(theirs.Plan.Contact),
            theirs.Plan.Reveal.HasFlag(Reveal.Party) ? theirs.Party : null,
            theirs.Plan.Reveal.HasFlag(Reveal.Kind) ? theirs.Plan.Kind : null,
            false,
            null);

    private static double Round(double value) => Math.Round(value, 9);

    private static DateTimeOffset Floor(DateTimeOffset at, TimeSpan step) =>
        new(at.UtcTicks - (at.UtcTicks % step.Ticks), TimeSpan.Zero);

    private static DateTimeOffset Ceiling(DateTimeOffset at, TimeSpan step)
    {
        var remainder = at.UtcTicks % step.Ticks;
        return new DateTimeOffset(remainder == 0 ? at.UtcTicks : at.UtcTicks + step.Ticks - remainder, TimeSpan.Zero);
    }
}
