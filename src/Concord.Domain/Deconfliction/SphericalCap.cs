namespace Concord.Domain.Deconfliction;

/// <summary>
/// A cap on the unit sphere of geodetic directions — a centre and an angular radius — that contains an area
/// with room to spare. Two areas can overlap only if their caps intersect; caps have no antimeridian and no
/// pole, which is why the conservative filters are built on them.
/// </summary>
/// <param name="X">Centre, unit vector x (towards 0°N 0°E).</param>
/// <param name="Y">Centre, unit vector y (towards 0°N 90°E).</param>
/// <param name="Z">Centre, unit vector z (towards the North Pole).</param>
/// <param name="Angle">Angular radius, radians.</param>
public readonly record struct SphericalCap(double X, double Y, double Z, double Angle)
{
    private const double DegToRad = Math.PI / 180;

    /// <summary>Latitude of the centre, degrees.</summary>
    public double Latitude => Math.Asin(Math.Clamp(Z, -1, 1)) / DegToRad;

    /// <summary>Longitude of the centre, degrees.</summary>
    public double Longitude => X == 0 && Y == 0 ? 0 : Math.Atan2(Y, X) / DegToRad;

    /// <summary>The unit vector of a geodetic latitude and longitude.</summary>
    public static (double X, double Y, double Z) UnitVector(double lat, double lon)
    {
        var (sinLat, cosLat) = Math.SinCos(lat * DegToRad);
        var (sinLon, cosLon) = Math.SinCos(lon * DegToRad);
        return (cosLat * cosLon, cosLat * sinLon, sinLat);
    }

    /// <summary>The angle in radians between the two centres.</summary>
    public double AngleTo(SphericalCap other)
    {
        var cx = (Y * other.Z) - (Z * other.Y);
        var cy = (Z * other.X) - (X * other.Z);
        var cz = (X * other.Y) - (Y * other.X);
        return Math.Atan2(Math.Sqrt((cx * cx) + (cy * cy) + (cz * cz)), (X * other.X) + (Y * other.Y) + (Z * other.Z));
    }

    /// <summary>True when the caps share a point.</summary>
    public bool Intersects(SphericalCap other) => AngleTo(other) <= Angle + other.Angle;

    /// <summary>
    /// The smallest latitude/longitude box holding the cap: latitudes exact; longitudes
    /// <c>centre ± asin(sin θ / cos φ)</c>, or all of them when the cap reaches a pole. <see cref="LonLatBox.West"/>
    /// greater than <see cref="LonLatBox.East"/> means the box crosses the antimeridian.
    /// </summary>
    public LonLatBox Envelope()
    {
        var lat = Latitude;
        var angle = Angle / DegToRad;
        var south = lat - angle;
        var north = lat + angle;
        if (north >= 90 || south <= -90 || Angle >= Math.PI / 2)
        {
            return new LonLatBox(-180, Math.Max(-90, south), 180, Math.Min(90, north));
        }

        var spread = Math.Asin(Math.Min(1, Math.Sin(Angle) / Math.Cos(lat * DegToRad))) / DegToRad;
        if (spread >= 180)
        {
            return new LonLatBox(-180, south, 180, north);
        }

        var lon = Longitude;
        return new LonLatBox(Geodesic.NormaliseDegrees(lon - spread), south, Geodesic.NormaliseDegrees(lon + spread), north);
    }
}
