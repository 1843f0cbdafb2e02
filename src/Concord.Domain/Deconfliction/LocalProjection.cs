using NetTopologySuite.Geometries;

namespace Concord.Domain.Deconfliction;

/// <summary>
/// The ellipsoidal azimuthal equidistant projection about a centre: a point maps to (s sin α, s cos α) where
/// s and α are the geodesic distance and azimuth from the centre (so distances from the centre are exact).
/// Centred between two nearby areas, it measures the distance between them to within a few parts in ten
/// thousand at operational scales, and it knows nothing of the antimeridian; centred near a pole, it is the
/// polar projection.
/// </summary>
internal sealed class LocalProjection
{
    public static readonly GeometryFactory Factory = new(new PrecisionModel(), 0);

    private readonly double _lat0;
    private readonly double _lon0;

    public LocalProjection(double lat0, double lon0)
    {
        _lat0 = lat0;
        _lon0 = lon0;
    }

    /// <summary>A projection centred between two caps' centres.</summary>
    public static LocalProjection Between(SphericalCap a, SphericalCap b)
    {
        var x = a.X + b.X;
        var y = a.Y + b.Y;
        var z = a.Z + b.Z;
        var norm = Math.Sqrt((x * x) + (y * y) + (z * z));
        var mid = norm < 1e-12 ? a : new SphericalCap(x / norm, y / norm, z / norm, 0);
        return new LocalProjection(mid.Latitude, mid.Longitude);
    }

    public Coordinate Forward(double lon, double lat)
    {
        var (s, azimuth) = Geodesic.Inverse(_lat0, _lon0, lat, lon);
        var (sin, cos) = Math.SinCos(azimuth);
        return new Coordinate(s * sin, s * cos);
    }

    public (double Lat, double Lon) Inverse(double x, double y)
    {
        var s = Math.Sqrt((x * x) + (y * y));
        return s == 0 ? (_lat0, _lon0) : Geodesic.Direct(_lat0, _lon0, Math.Atan2(x, y), s);
    }

    /// <summary>The geometry (longitude, latitude coordinates) in this projection, in metres.</summary>
    public Geometry Project(Geometry geometry) => geometry switch
    {
        Point p => Factory.CreatePoint(Forward(p.X, p.Y)),
        LineString l => Factory.CreateLineString(Project(l.Coordinates)),
        Polygon p => Factory.CreatePolygon(
            Factory.CreateLinearRing(Project(p.Shell.Coordinates)),
            p.Holes.Select(h => Factory.CreateLinearRing(Project(h.Coordinates))).ToArray()),
        _ => throw new ArgumentException($"unsupported geometry {geometry.GeometryType}", nameof(geometry)),
    };

    private Coordinate[] Project(Coordinate[] coordinates)
    {
        var result = new Coordinate[coordinates.Length];
        for (var i = 0; i < coordinates.Length; i++)
        {
            result[i] = i > 0 && coordinates[i].Equals2D(coordinates[0]) && i == coordinates.Length - 1
                ? result[0].Copy()
                : Forward(coordinates[i].X, coordinates[i].Y);
        }

        return result;
    }
}
