using System.Globalization;
using Concord.Domain.Deconfliction;
using CsCheck;

namespace Concord.Domain.Tests.Deconfliction;

/// <summary>The index finds exactly the conflicts brute force finds, on random operations around Afghanistan, the antimeridian and both poles.</summary>
public sealed class OperationIndexPropertyTests
{
    private static readonly string[] Parties = ["us-dni", "ru-fsb", "pk-isi"];

    private static readonly Gen<(double Lat, double Lon)> Centre = Gen.OneOf(
        Gen.Select(Gen.Double[33.5, 35.5], Gen.Double[68.5, 70.5]),
        Gen.Select(Gen.Double[-2, 2], Gen.Double[-1.5, 1.5]).Select(p => (p.Item1, Geodesic.NormaliseDegrees(180 + p.Item2))),
        Gen.Select(Gen.Double[87.5, 90], Gen.Double[-180, 180]),
        Gen.Select(Gen.Double[-90, -87.5], Gen.Double[-180, 180]));

    internal static readonly Gen<Area> Areas = Gen.Int[0, 3].SelectMany(shape => shape switch
    {
        0 => Gen.Select(Centre, Gen.Double[50, 60_000], Gen.Double[0, 5_000]).Select(x => Area.Circle(x.Item1.Lat, x.Item1.Lon, x.Item2, x.Item3)),
        1 => Gen.Select(Centre, Gen.Double[0, 360].Array[1, 4], Gen.Double[1, 80].Array[4], Gen.Double[100, 20_000]).Select(x =>
        {
            var (lat, lon) = x.Item1;
            var points = new List<(double, double)> { (lon, lat) };
            for (var i = 0; i < x.Item2.Length; i++)
            {
                var last = points[^1];
                points.Add(Ops.Offset(last.Item2, last.Item1, x.Item2[i], x.Item3[i]));
            }

            return Area.Route(points, x.Item4);
        }),
        2 => Gen.Select(Centre, Gen.Int[3, 9], Gen.Double[5, 120].Array[9], Gen.Double[0, 3_000]).Select(x =>
        {
            var (lat, lon) = x.Item1;
            var ring = Enumerable.Range(0, x.Item2).Select(i => Ops.Offset(lat, lon, i * 360.0 / x.Item2, x.Item3[i])).ToList();
            ring.Add(ring[0]);
            return Area.Polygon([ring], x.Item4);
        }),
        _ => Gen.Select(Centre, Gen.Double[20, 120], Gen.Double[0, 360]).Select(x =>
        {
            var (lat, lon) = x.Item1;
            var shell = Enumerable.Range(0, 6).Select(i => Ops.Offset(lat, lon, i * 60.0, x.Item2)).ToList();
            shell.Add(shell[0]);
            var hole = Enumerable.Range(0, 3).Select(i => Ops.Offset(lat, lon, x.Item3 + (i * 120.0), x.Item2 / 3)).ToList();
            hole.Add(hole[0]);
            return Area.Polygon([shell, hole]);
        }),
    });

    private static readonly Gen<OperationVersion> Operations =
        Gen.Select(Areas, Gen.Int[0, 96], Gen.Int[1, 60], Gen.Int[0, 90], Gen.Int[0, 2], Gen.Int[0, 4], Gen.Int[0, 5_000], Gen.Int[1, 5_000])
            .Select(x => Ops.Make(
                x.Item1,
                Ops.T0.AddHours(x.Item2),
                TimeSpan.FromHours(x.Item3),
                Parties[x.Item5],
                TimeSpan.FromMinutes(x.Item4),
                x.Item6 < 2 ? AltitudeBand.Create(x.Item7, x.Item7 + x.Item8) : null,
                x.Item6 == 4 ? OperationStatus.Cancelled : OperationStatus.Active));

    private static string Describe(IEnumerable<Conflict> conflicts) =>
        string.Join(",", conflicts.Select(c => c.Existing.Id.Value + "@" + c.From.UtcTicks.ToString(CultureInfo.InvariantCulture) + "-" + c.Until.UtcTicks.ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal));

    [Fact]
    public void The_index_finds_exactly_the_conflicts_brute_force_finds()
    {
        Gen.Select(Operations.List[0, 80], Operations.List[1, 10], Gen.OneOf(Gen.Const(0.25), Gen.Const(1.0), Gen.Const(0.05)))
            .Sample(
                (existing, candidates, cell) =>
                {
                    var index = new OperationIndex(cell, maxKeys: 2048);
                    foreach (var op in existing)
                    {
                        index.Apply(op);
                    }

                    var active = existing.Where(o => o.IsActive).ToList();
                    foreach (var candidate in candidates)
                    {
                        var found = Describe(index.FindConflicts(candidate));
                        var expected = Describe(ConflictRule.BruteForce(active, candidate));
                        if (found != expected)
                        {
                            return false;
                        }
                    }

                    return true;
                },
                iter: 300);
    }

    [Fact]
    public void Amending_and_cancelling_keep_the_index_equal_to_brute_force()
    {
        Gen.Select(Operations.List[1, 60], Gen.Int[0, 1_000].Array[1, 30], Operations.List[1, 30])
            .Sample(
                (existing, picks, replacements) =>
                {
                    var index = new OperationIndex(0.25);
                    var held = new Dictionary<OperationId, OperationVersion>();
                    foreach (var op in existing)
                    {
                        index.Apply(op);
                        held[op.Id] = op;
                    }

                    for (var i = 0; i < Math.Min(picks.Length, replacements.Count); i++)
                    {
                        var target = existing[picks[i] % existing.Count];
                        var next = replacements[i] with { Id = target.Id, Version = held[target.Id].Version + 1, Party = target.Party };
                        index.Apply(next);
                        held[target.Id] = next;
                    }

                    var active = held.Values.Where(v => v.IsActive).ToList();
                    return index.Count == active.Count
                        && replacements.All(c => Describe(index.FindConflicts(c)) == Describe(ConflictRule.BruteForce(active, c)));
                },
                iter: 200);
    }

    [Fact]
    public void The_cheap_filters_never_change_the_exact_answer()
    {
        Gen.Select(Areas, Areas).Sample(
            (a, b) => a.Core is NetTopologySuite.Geometries.Point && b.Core is NetTopologySuite.Geometries.Point
                || a.Overlaps(b) == a.OverlapsInLocalProjection(b),
            iter: 3000);
    }

    [Fact]
    public void Operations_near_both_poles_and_the_antimeridian_are_found_from_any_side()
    {
        var polar = Ops.Make(Area.Circle(89.9, 10, 20_000));
        var antimeridian = Ops.Make(Area.Circle(0, 179.999, 2_000));
        var index = new OperationIndex();
        index.Apply(polar);
        index.Apply(antimeridian);

        Assert.Single(index.FindConflicts(Ops.Make(Area.Circle(89.9, -170, 5_000), party: "ru-fsb")));
        Assert.Single(index.FindConflicts(Ops.Make(Area.Circle(0, -179.999, 100), party: "ru-fsb")));
        Assert.Empty(index.FindConflicts(Ops.Make(Area.Circle(0, 179.9, 100), party: "ru-fsb")));
    }
}
