using Concord.Domain.Deconfliction;

namespace Concord.Domain.Tests.Deconfliction;

public sealed class AreaTests
{
    private static Area Parse(string json)
    {
        Assert.True(AreaParser.TryParse(json, DeconflictionLimits.Default, out var area, out var errors), string.Join("; ", errors));
        return area!;
    }

    private static DeconflictionError Refused(string json, DeconflictionLimits? limits = null)
    {
        Assert.False(AreaParser.TryParse(json, limits ?? DeconflictionLimits.Default, out _, out var errors));
        return Assert.Single(errors);
    }

    [Fact]
    public void Circles_overlap_when_their_geodesic_distance_is_at_most_the_sum_of_their_radii()
    {
        var d = Geodesic.Distance(34.5, 69.2, 34.6, 69.3);

        Assert.True(Area.Circle(34.5, 69.2, d / 2).Overlaps(Area.Circle(34.6, 69.3, (d / 2) + 0.01)));
        Assert.False(Area.Circle(34.5, 69.2, d / 2).Overlaps(Area.Circle(34.6, 69.3, (d / 2) - 1)));
    }

    [Fact]
    public void Degrees_of_longitude_are_not_taken_as_equal_metres_at_high_latitude()
    {
        // Half a degree of longitude at 60°N is about 27.9 km, not 55.7 km.
        Assert.True(Area.Circle(60, 10, 14_500).Overlaps(Area.Circle(60, 10.5, 14_500)));
        Assert.False(Area.Circle(60, 10, 13_500).Overlaps(Area.Circle(60, 10.5, 13_500)));
    }

    [Fact]
    public void Areas_across_the_antimeridian_overlap()
    {
        var polygon = Parse("""{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[179,-1],[-179,-1],[-179,1],[179,1],[179,-1]]]}}""");

        Assert.True(polygon.Overlaps(Area.Circle(0, 180, 1_000)));
        Assert.True(polygon.Overlaps(Area.Circle(0, -179.5, 1_000)));
        Assert.False(polygon.Overlaps(Area.Circle(0, 0, 1_000)));
        Assert.False(polygon.Overlaps(Area.Circle(0, 178, 1_000)));
        Assert.True(Area.Circle(0, 179.95, 6_000).Overlaps(Area.Circle(0, -179.95, 6_000)));
        Assert.False(Area.Circle(0, 179.95, 5_000).Overlaps(Area.Circle(0, -179.95, 5_000)));
    }

    [Fact]
    public void A_polygon_around_the_north_pole_holds_the_pole()
    {
        var polar = Parse("""{"type":"Polygon","coordinates":[[[0,87],[90,87],[180,87],[-90,87],[0,87]]]}""");

        Assert.True(polar.Overlaps(Area.Circle(90, 0, 100)));
        Assert.True(polar.Overlaps(Area.Circle(89.5, -135, 100)));
        Assert.False(polar.Overlaps(Area.Circle(80, 45, 100)));
    }

    [Fact]
    public void A_route_across_the_south_pole_reaches_the_other_side()
    {
        var route = Area.Route([(0, -88), (180, -88)], 2_000);

        Assert.True(route.Overlaps(Area.Circle(-90, 77, 10)));
        Assert.False(route.Overlaps(Area.Circle(-88, 90, 10_000)));
    }

    [Fact]
    public void Nothing_in_a_hole_overlaps_the_polygon()
    {
        var ring = new[] { (69.0, 34.0), (70.0, 34.0), (70.0, 35.0), (69.0, 35.0), (69.0, 34.0) };
        var hole = new[] { (69.3, 34.3), (69.7, 34.3), (69.7, 34.7), (69.3, 34.7), (69.3, 34.3) };
        var polygon = Area.Polygon([ring, hole]);

        Assert.False(polygon.Overlaps(Area.Circle(34.5, 69.5, 5_000)));
        Assert.True(polygon.Overlaps(Area.Circle(34.5, 69.5, 25_000)));
        Assert.True(Area.Polygon([ring]).Overlaps(Area.Circle(34.5, 69.5, 5_000)));
    }

    [Fact]
    public void A_route_covers_half_its_width_either_side()
    {
        var route = Area.Route([(69.0, 34.5), (70.0, 34.5)], 10_000);
        var (lon4, lat4) = Ops.Offset(34.5, 69.5, 0, 4);
        var (lon6, lat6) = Ops.Offset(34.5, 69.5, 0, 6);

        Assert.True(route.Overlaps(Area.Circle(lat4, lon4, 1)));
        Assert.False(route.Overlaps(Area.Circle(lat6, lon6, 1)));
        Assert.True(route.Overlaps(Area.Circle(lat6, lon6, 1, buffer: 1_100)));
    }

    [Fact]
    public void A_self_intersecting_polygon_is_refused_with_a_pointer_to_a_position()
    {
        var error = Refused("""{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[69,34],[70,35],[70,34],[69,35],[69,34]]]},"properties":{}}""");

        Assert.StartsWith("/geometry/coordinates/0/", error.Pointer, StringComparison.Ordinal);
        Assert.Contains("self-intersection", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"Feature","geometry":{"type":"Point","coordinates":[69,34]}}""", "/properties/radius_m")]
    [InlineData("""{"type":"Feature","geometry":{"type":"Point","coordinates":[69,34]},"properties":{"radius_m":-5}}""", "/properties/radius_m")]
    [InlineData("""{"type":"Feature","geometry":{"type":"Point","coordinates":[269,34]},"properties":{"radius_m":5}}""", "/geometry/coordinates")]
    [InlineData("""{"type":"Feature","geometry":{"type":"LineString","coordinates":[[69,34],[69,34]]},"properties":{"width_m":50}}""", "/geometry/coordinates")]
    [InlineData("""{"type":"Feature","geometry":{"type":"MultiPoint","coordinates":[[69,34]]}}""", "/geometry/type")]
    [InlineData("""{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[69,34],[70,34],[70,35],[69,34.5]]]}}""", "/geometry")]
    [InlineData("""{"type":"Feature","geometry":{"type":"Polygon","coordinates":"nope"}}""", "/geometry")]
    [InlineData("""[1,2]""", "")]
    public void Bad_geojson_is_refused_with_a_pointer(string json, string pointer)
    {
        Assert.Equal(pointer, Refused(json).Pointer);
    }

    [Fact]
    public void Areas_larger_than_the_limit_are_refused()
    {
        var limits = new DeconflictionLimits { MaxReachMetres = 50_000 };

        var error = Refused("""{"type":"Feature","geometry":{"type":"Point","coordinates":[69,34]},"properties":{"radius_m":60000}}""", limits);

        Assert.Contains("limit is 50 km", error.Message, StringComparison.Ordinal);
        Assert.True(AreaParser.TryParse("""{"type":"Feature","geometry":{"type":"Point","coordinates":[69,34]},"properties":{"radius_m":40000}}""", limits, out _, out _));
    }

    [Fact]
    public void An_area_written_as_geojson_reads_back_the_same()
    {
        var area = Parse("""{"type":"Feature","geometry":{"type":"LineString","coordinates":[[69,34],[69.5,34.2]]},"properties":{"width_m":800,"buffer_m":200}}""");

        var again = Parse(AreaParser.ToGeoJson(area));

        Assert.Equal(AreaShape.Route, again.Shape);
        Assert.Equal(400, again.Radius);
        Assert.Equal(200, again.Buffer);
        Assert.True(again.Core.EqualsExact(area.Core));
    }
}
