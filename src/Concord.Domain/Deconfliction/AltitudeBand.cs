using System.Globalization;

namespace Concord.Domain.Deconfliction;

/// <summary>
/// A band of altitude in metres above mean sea level, half-open: <c>[Lower, Upper)</c>. Two bands overlap when
/// <c>a.Lower &lt; b.Upper</c> and <c>b.Lower &lt; a.Upper</c>, so a band ending at 3,000 m and one starting at
/// 3,000 m do not. An operation without a band is taken to occupy every altitude.
/// </summary>
public readonly record struct AltitudeBand
{
    /// <summary>Lowest accepted altitude.</summary>
    public const double Floor = -500;

    /// <summary>Highest accepted altitude.</summary>
    public const double Ceiling = 100_000;

    private AltitudeBand(double lower, double upper)
    {
        Lower = lower;
        Upper = upper;
    }

    /// <summary>Bottom of the band, included.</summary>
    public double Lower { get; }

    /// <summary>Top of the band, excluded.</summary>
    public double Upper { get; }

    /// <summary>A band, or an error naming what is wrong.</summary>
    public static bool TryCreate(double lower, double upper, out AltitudeBand band, out string? error)
    {
        band = default;
        error = !double.IsFinite(lower) || !double.IsFinite(upper) ? "altitudes must be numbers"
            : lower < Floor || upper > Ceiling ? string.Create(CultureInfo.InvariantCulture, $"altitudes must lie between {Floor} and {Ceiling} m")
            : upper <= lower ? "the band's top must be above its bottom"
            : null;
        if (error is null)
        {
            band = new AltitudeBand(lower, upper);
        }

        return error is null;
    }

    /// <summary>A band; throws <see cref="ArgumentException"/> when invalid.</summary>
    public static AltitudeBand Create(double lower, double upper) =>
        TryCreate(lower, upper, out var band, out var error) ? band : throw new ArgumentException(error);

    /// <summary>Parses <c>LOWER-UPPER</c> in metres, e.g. <c>0-3000</c>.</summary>
    public static bool TryParse(string? text, out AltitudeBand band, out string? error)
    {
        band = default;
        var dash = text?.IndexOf('-', 1) ?? -1;
        if (dash < 0
            || !double.TryParse(text![..dash], NumberStyles.Float, CultureInfo.InvariantCulture, out var lower)
            || !double.TryParse(text[(dash + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var upper))
        {
            error = "expected LOWER-UPPER in metres, e.g. 0-3000";
            return false;
        }

        return TryCreate(lower, upper, out band, out error);
    }

    /// <summary>True when the two bands share an altitude (half-open rule).</summary>
    public bool Overlaps(AltitudeBand other) => Lower < other.Upper && other.Lower < Upper;

    /// <summary>True when the two optional bands overlap; a missing band overlaps everything.</summary>
    public static bool Overlap(AltitudeBand? a, AltitudeBand? b) => a is not { } x || b is not { } y || x.Overlaps(y);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Lower}-{Upper}");
}
