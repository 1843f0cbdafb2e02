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

    private LonLatBox? _bounds;

    private readonly LocalProjection _projection;
    private readonly Geometry _projectedCore;

    internal Area(AreaShape shape, Geometry core, double radius, double buffer, SphericalCap cap, double extent, LocalProjection projection, Geometry projectedCore)
    {
        _projection = projection;
        _projectedCore = projectedCore;
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

        return MayReach(other) && other.MayReach(this) && OverlapsInLocalProjection(other);
    }

    /// <summary>The exact test alone, without the cheap filters before it (tests prove the filters never change its answer).</summary>
    internal bool OverlapsInLocalProjection(Area other)
    {
        var projection = LocalProjection.Between(Cap, other.Cap);
        return DistanceOp.IsWithinDistance(projection.Project(Core), projection.Project(other.Core), Reach + other.Reach);
    }

    /// <summary>
    /// A cheap necessary condition for overlap: in this area's own projection, the other area's centre lies within
    /// this area's reach plus the other's extent of this area's core. The projection stretches distances between
    /// points away from its centre by well under 2 % at the sizes allowed, hence the allowance.
    /// </summary>
    private bool MayReach(Area other)
    {
        var centre = _projection.Forward(other.Cap.Longitude, other.Cap.Latitude);
        var distance = _projectedCore.Distance(LocalProjection.Factory.CreatePoint(centre));
        return distance <= ((Reach + other.Extent) * 1.02) + 1_000;
    }

    /// <summary>
    /// The longitude/latitude box holding the whole area (its reach included): the area's box in its own local
    /// projection, brought back to longitude and latitude (every longitude when it holds a pole). Computed once.
    /// </summary>
    public LonLatBox Bounds => _bounds ??= ComputeBounds();

    /// <summary>
    /// A longitude/latitude box holding every point two overlapping areas share — where their <see cref="Bounds"/>
    /// meet. It is never larger than either area's box. Used only to place a coarse disclosed area; never disclosed
    /// as it is. The caller has decided that the areas overlap (with <see cref="Overlaps"/>).
    /// </summary>
    public LonLatBox OverlapBox(Area other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Meet(Bounds, other.Bounds);
    }

    private LonLatBox ComputeBounds()
    {
        var envelope = _projectedCore.EnvelopeInternal.Copy();
        // A little more than the reach: the edges of the box are sampled, and their images curve a little between samples.
        envelope.ExpandBy(Reach + 100 + (0.01 * Math.Max(envelope.Width, envelope.Height)));
        return Unproject(_projection, envelope);
    }

    private static LonLatBox Meet(LonLatBox a, LonLatBox b)
    {
        var south = Math.Max(a.South, b.South);
        var north = Math.Min(a.North, b.North);
        if (north < south)
        {
            (south, north) = (Math.Min(a.South, b.South), Math.Max(a.North, b.North));
        }

        if (a.LongitudeSpan >= 360)
        {
            return new LonLatBox(b.West, south, b.East, north);
        }

        if (b.LongitudeSpan >= 360)
        {
            return new LonLatBox(a.West, south, a.East, north);
        }

        var bestWest = a.West;
        var bestSpan = -1.0;
        foreach (var shift in new[] { -360.0, 0, 360 })
        {
            var west = Math.Max(a.West, b.West + shift);
            var east = Math.Min(a.West + a.LongitudeSpan, b.West + shift + b.LongitudeSpan);
            if (east - west > bestSpan)
            {
                (bestWest, bestSpan) = (west, east - west);
            }
        }

        if (bestSpan < 0)
        {
            return a;
        }

        var eastLon = Geodesic.NormaliseDegrees(bestWest + bestSpan);
        return new LonLatBox(Geodesic.NormaliseDegrees(bestWest), south, eastLon == -180 && bestSpan > 0 ? 180 : eastLon, north);
    }

    private static LonLatBox Unproject(LocalProjection projection, Envelope envelope)
    {
        // Poles inside the box: every longitude, up to the pole.
        var north = projection.Forward(0, 90);
        var south = projection.Forward(0, -90);
        var hasNorth = envelope.Contains(north);
        var hasSouth = envelope.Contains(south);
        var lats = new List<double>();
        var lons = new List<double>();
        const int Steps = 4;
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
