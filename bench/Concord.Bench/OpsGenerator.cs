using System.Globalization;
using Concord.Domain.Deconfliction;
using Concord.Domain.Directory;
using Concord.Domain.Releasability;

namespace Concord.Bench;

/// <summary>
/// Deterministic planned operations of realistic sizes: four in five around Afghanistan and its neighbours (a
/// quarter of all near a dozen towns and crossings), one in five anywhere on Earth; circles of 0.3–20 km, routes
/// of 2–6 legs up to 30 km with widths of 0.2–2 km, polygons of 4–8 vertices up to 15 km across; windows of
/// 1–12 hours (one in twenty up to 3 days) in a horizon of <c>days</c> days, with margins of up to an hour.
/// </summary>
internal sealed class OpsGenerator(int seed, int days = 120)
{
    public static readonly DateTimeOffset Horizon = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly (double Lat, double Lon)[] Towns =
    [
        (34.53, 69.17), (31.61, 65.71), (34.43, 70.45), (36.71, 67.11), (34.35, 62.20), (36.73, 68.86),
        (34.01, 71.58), (30.18, 66.99), (37.22, 67.28), (38.56, 68.78), (37.60, 71.55), (35.30, 69.52),
    ];

    private static readonly PartyId[] Parties = Enumerable.Range(0, 12).Select(i => PartyId.Parse($"party-{i:00}")).ToArray();

    private readonly Random _random = new(seed);

    public OperationVersion Next()
    {
        var area = NextArea();
        var party = Parties[_random.Next(Parties.Length)];
        var start = Horizon.AddMinutes(_random.Next(0, days * 24 * 60));
        var hours = _random.NextDouble() < 0.05 ? 12 + (_random.NextDouble() * 60) : 1 + (_random.NextDouble() * 11);
        var window = TimeWindow.Create(start, start.AddHours(hours), TimeSpan.FromMinutes(_random.Next(0, 61)));
        AltitudeBand? altitude = _random.NextDouble() < 0.4 ? AltitudeBand.Create(_random.Next(0, 6000), 6000 + _random.Next(1, 9000)) : null;
        var contact = new DutyContact(MemberId.Of("duty", party), "Duty officer", "+1 555 0100", null, null);
        var plan = new OperationPlan((OperationKind)_random.Next(9), area, window, altitude, Sensitivity.Routine, contact);
        return new OperationVersion(OperationId.New(), 1, party, contact.Member, Horizon, OperationStatus.Active, plan);
    }

    /// <summary>The same operation as the JSON body a member would send.</summary>
    public static string ToJson(OperationVersion version) => OperationPlanWriter.ToJson(version.Plan).ToJsonString();

    private Area NextArea()
    {
        var (lat, lon) = NextCentre();
        var shape = _random.NextDouble();
        if (shape < 0.6)
        {
            return Area.Circle(lat, lon, Math.Exp(Uniform(Math.Log(300), Math.Log(20_000))), _random.NextDouble() < 0.3 ? _random.Next(0, 1000) : 0);
        }

        if (shape < 0.85)
        {
            var points = new List<(double Lon, double Lat)> { (lon, lat) };
            var heading = Uniform(0, 360);
            for (var i = 0; i < _random.Next(1, 6); i++)
            {
                heading += Uniform(-60, 60);
                var (la, lo) = Geodesic.Direct(points[^1].Lat, points[^1].Lon, heading * Math.PI / 180, Uniform(2_000, 30_000));
                points.Add((lo, la));
            }

            return Area.Route(points, Uniform(200, 2_000));
        }

        var n = _random.Next(4, 9);
        var ring = Enumerable.Range(0, n).Select(i =>
        {
            var (la, lo) = Geodesic.Direct(lat, lon, ((i * 360.0 / n) + Uniform(-10, 10)) * Math.PI / 180, Uniform(1_000, 7_500));
            return (lo, la);
        }).ToList();
        ring.Add(ring[0]);
        return Area.Polygon([ring]);
    }

    private (double Lat, double Lon) NextCentre()
    {
        var where = _random.NextDouble();
        if (where < 0.25)
        {
            var town = Towns[_random.Next(Towns.Length)];
            return (Math.Clamp(town.Lat + (Gaussian() * 0.75), -89, 89), town.Lon + (Gaussian() * 0.75));
        }

        if (where < 0.8)
        {
            return (Uniform(24, 42), Uniform(50, 80));
        }

        return (Math.Asin(Uniform(-0.999, 0.999)) * 180 / Math.PI, Uniform(-180, 180));
    }

    private double Uniform(double from, double to) => from + (_random.NextDouble() * (to - from));

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());

    public static string Id(int i) => i.ToString(CultureInfo.InvariantCulture);
}
