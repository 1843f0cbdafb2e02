using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;

namespace Concord.Domain.Deconfliction;

/// <summary>
/// Where an operation takes place: a circle, a polygon with holes, or a route with a width, each grown by an
/// optional safety buffer. Coordinates are WGS84 longitude and latitude (GeoJSON order). Edges of polygons and
/// routes are straight lines in a local azimuthal equidistant projection, which at operational scales is the
/// geodesic to within metres. Built only through <see cref="AreaParser"/> or the factory methods, which
/// validate; instances are immutable.
/// </summary>
public sealed class Area
{
    private const double DegToRad = Math.PI / 180;

    internal Area(AreaShape shape, Geometry core, double radius, double buffer, SphericalCap cap, double extent)
    {
        Shape = shape;
        Core = core;
        Radius = radius;
        Buffer = buffer;
        Cap = cap;
        Extent = extent;
    }

    /// <summary>The shape it was given as.</summary>
    public AreaShape Shape { get; }

    /// <summary>The point, route or polygon, in longitude/latitude degrees.</summary>
    public Geometry Core { get; }

    /// <summary>Circle radius, or half the route's width, in metres (0 for polygons).</summary>
    public double Radius { get; }

    /// <summary>Safety buffer around the whole area, metres.</summary>
    public double Buffer { get; }

    /// <summary>How far the area reaches beyond its core: <see cref="Radius"/> + <see cref="Buffer"/>.</summary>
    public double Reach => Radius + Buffer;

    /// <summary>Largest geodesic distance in metres from the cap's centre to a point of the area.</summary>
    public double Extent { get; }

    /// <summary>A cap on the sphere of directions holding the whole area with room to spare.</summary>
    public SphericalCap Cap { get; }

    /// <summary>A circle; throws <see cref="ArgumentException"/> when invalid.</summary>
    public static Area Circle(double lat, double lon, double radius, double buffer = 0, DeconflictionLimits? limits = null) =>
        Build(AreaShape.Circle, LocalProjection.Factory.CreatePoint(new Coordinate(lon, lat)), radius, buffer, limits);

    /// <summary>A route through (lon, lat) positions; throws <see cref="ArgumentException"/> when invalid.</summary>
    public static Area Route(IEnumerable<(double Lon, double Lat)> positions, double width, double buffer = 0, DeconflictionLimits? limits = null) =>
        Build(AreaShape.Route, LocalProjection.Factory.CreateLineString(positions.Select(p => new Coordinate(p.Lon, p.Lat)).ToArray()), width / 2, buffer, limits);

    /// <summary>A polygon from closed (lon, lat) rings, the first the shell; throws <see cref="ArgumentException"/> when invalid.</summary>
    public static Area Polygon(IReadOnlyList<IEnumerable<(double Lon, double Lat)>> rings, double buffer = 0, DeconflictionLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(rings);
        var linear = rings.Select(r => LocalProjection.Factory.CreateLinearRing(r.Select(p => new Coordinate(p.Lon, p.Lat)).ToArray())).ToArray();
        return Build(AreaShape.Polygon, LocalProjection.Factory.CreatePolygon(linear[0], linear[1..]), 0, buffer, limits);
    }

    private static Area Build(AreaShape shape, Geometry core, double radius, double buffer, DeconflictionLimits? limits) =>
        AreaParser.TryBuild(shape, core, radius, buffer, limits ?? DeconflictionLimits.Default, string.Empty, out var area, out var errors)
            ? area!
            : throw new ArgumentException(string.Join("; ", errors));

    /// <summary>
    /// True when the two areas share a point: the geodesic distance between their cores is at most the sum of
    /// their reaches. Areas are closed, so areas that only touch overlap (space errs on the side of safety).
    /// </summary>
    public bool Overlaps(Area other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Cap.Intersects(other.Cap))
        {
            return false;
        }

        var reach = Reach + other.Reach;
        if (Core is Point a && other.Core is Point b)
        {
            return Geodesic.Distance(a.Y, a.X, b.Y, b.X) <= reach;
        }

        var projection = LocalProjection.Between(Cap, other.Cap);
        return DistanceOp.IsWithinDistance(projection.Project(Core), projection.Project(other.Core), reach);
    }

    /// <summary>
    /// The longitude/latitude box of where the two areas overlap (a point's box when they only touch), or null
    /// when they do not. Used only to place a coarse disclosed area; never disclosed as it is.
    /// </summary>
    public LonLatBox? OverlapBox(Area other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Overlaps(other))
        {
            return null;
        }

        var projection = LocalProjection.Between(Cap, other.Cap);
        var mine = Grow(projection.Project(Core), Reach);
        var theirs = Grow(projection.Project(other.Core), other.Reach);
        Envelope envelope;
        var shared = mine.Intersection(theirs);
        if (shared.IsEmpty)
        {
            var nearest = DistanceOp.NearestPoints(mine, theirs);
            envelope = new Envelope((nearest[0].X + nearest[1].X) / 2, (nearest[0].X + nearest[1].X) / 2, (nearest[0].Y + nearest[1].Y) / 2, (nearest[0].Y + nearest[1].Y) / 2);
        }
        else
        {
            envelope = shared.EnvelopeInternal;
        }

        return Unproject(projection, envelope);
    }

    private static Geometry Grow(Geometry geometry, double reach) => reach > 0 ? geometry.Buffer(reach, 16) : geometry;

    private static LonLatBox Unproject(LocalProjection projection, Envelope envelope)
    {
        // Poles inside the box: every longitude, up to the pole.
        var north = projection.Forward(0, 90);
        var south = projection.Forward(0, -90);
        var hasNorth = envelope.Contains(north);
        var hasSouth = envelope.Contains(south);
        var lats = new List<double>();
        var lons = new List<double>();
        const int Steps = 8;
        for (var i = 0; i <= Steps; i++)
        {
            var t = (double)i / Steps;
            foreach (var (x, y) in new[]
            {
                (envelope.MinX + (t * envelope.Width), envelope.MinY),
                (envelope.MinX + (t * envelope.Width), envelope.MaxY),
                (envelope.MinX, envelope.MinY + (t * envelope.Height)),
                (envelope.MaxX, envelope.MinY + (t * envelope.Height)),
            })
            {
                var (lat, lon) = projection.Inverse(x, y);
                lats.Add(lat);
                lons.Add(lon);
            }
        }

        var southLat = hasSouth ? -90 : lats.Min();
        var northLat = hasNorth ? 90 : lats.Max();
        if (hasNorth || hasSouth)
        {
            return new LonLatBox(-180, southLat, 180, northLat);
        }

        // Unwrap longitudes around the first one, so a box across the antimeridian stays small.
        var reference = lons[0];
        var unwrapped = lons.Select(l => reference + Geodesic.NormaliseDegrees(l - reference)).ToList();
        var west = unwrapped.Min();
        var east = unwrapped.Max();
        if (east - west >= 360)
        {
            return new LonLatBox(-180, southLat, 180, northLat);
        }

        var eastLon = Geodesic.NormaliseDegrees(east);
        return new LonLatBox(Geodesic.NormaliseDegrees(west), southLat, eastLon == -180 ? 180 : eastLon, northLat);
    }

    internal static SphericalCap CapOf(double lat, double lon, double extent)
    {
        var (x, y, z) = SphericalCap.UnitVector(lat, lon);

        // Room to spare: a path of length s spans at most s / MinCurvatureRadius radians of geodetic direction;
        // a further 0.5 % and 1 km cover edges that are straight in another local projection than this one.
        var angle = (((extent * 1.005) + 1_000) / Geodesic.MinCurvatureRadius) + 1e-9;
        return new SphericalCap(x, y, z, Math.Min(Math.PI, angle));
    }

    internal static (double Lat, double Lon) CentreOf(Geometry core)
    {
        if (core is Point p)
        {
            return (p.Y, p.X);
        }

        var ring = core is Polygon polygon ? polygon.Shell.Coordinates[..^1] : core.Coordinates;
        double x = 0, y = 0, z = 0;
        foreach (var c in ring)
        {
            var v = SphericalCap.UnitVector(c.Y, c.X);
            x += v.X;
            y += v.Y;
            z += v.Z;
        }

        var norm = Math.Sqrt((x * x) + (y * y) + (z * z));
        if (norm < 1e-9)
        {
            return (ring[0].Y, ring[0].X);
        }

        var cap = new SphericalCap(x / norm, y / norm, z / norm, 0);
        return (cap.Latitude, cap.Longitude);
    }

    internal static double DegreesToRadians(double degrees) => degrees * DegToRad;
}
