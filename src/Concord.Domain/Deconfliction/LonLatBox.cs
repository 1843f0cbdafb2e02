using System.Globalization;

namespace Concord.Domain.Deconfliction;

/// <summary>
/// A box of longitude and latitude in degrees, as GeoJSON writes a bbox (RFC 7946 §5): west, south, east,
/// north. A box whose <see cref="West"/> is greater than its <see cref="East"/> crosses the antimeridian; one
/// from -180 to 180 spans every longitude.
/// </summary>
/// <param name="West">Westernmost longitude.</param>
/// <param name="South">Southernmost latitude.</param>
/// <param name="East">Easternmost longitude.</param>
/// <param name="North">Northernmost latitude.</param>
public sealed record LonLatBox(double West, double South, double East, double North)
{
    /// <summary>True when the box crosses the antimeridian.</summary>
    public bool CrossesAntimeridian => West > East;

    /// <summary>Its longitude span in degrees (0–360).</summary>
    public double LongitudeSpan => CrossesAntimeridian ? 360 - West + East : East - West;

    /// <summary>True when the point lies in the box (edges included).</summary>
    public bool Contains(double lat, double lon) =>
        lat >= South && lat <= North && (CrossesAntimeridian ? lon >= West || lon <= East : lon >= West && lon <= East);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{West}, {South}, {East}, {North}]");
}
