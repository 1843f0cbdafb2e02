using Concord.Domain.Deconfliction;

namespace Concord.Domain.Tests.Deconfliction;

public sealed class GeodesicTests
{
    [Fact]
    public void Vincenty_inverse_matches_the_Flinders_Peak_to_Buninyong_example()
    {
        var lat1 = -(37 + (57 / 60.0) + (3.72030 / 3600));
        var lon1 = 144 + (25 / 60.0) + (29.52440 / 3600);
        var lat2 = -(37 + (39 / 60.0) + (10.15610 / 3600));
        var lon2 = 143 + (55 / 60.0) + (35.38390 / 3600);

        var (distance, azimuth) = Geodesic.Inverse(lat1, lon1, lat2, lon2);

        Assert.Equal(54_972.271, distance, 0.001);
        var degrees = (azimuth * 180 / Math.PI) + 360;
        Assert.Equal(306 + (52 / 60.0) + (5.37 / 3600), degrees, 1e-5);
    }

    [Fact]
    public void Direct_returns_to_the_point_the_inverse_measured()
    {
        var (distance, azimuth) = Geodesic.Inverse(34.5, 69.2, 36.7, 67.1);

        var (lat, lon) = Geodesic.Direct(34.5, 69.2, azimuth, distance);

        Assert.Equal(36.7, lat, 1e-9);
        Assert.Equal(67.1, lon, 1e-9);
    }

    [Fact]
    public void Distances_cross_the_antimeridian_the_short_way()
    {
        Assert.Equal(22_263.9, Geodesic.Distance(0, 179.9, 0, -179.9), 1);
    }

    [Fact]
    public void A_degree_of_longitude_at_60_north_is_about_half_of_one_at_the_equator()
    {
        var atEquator = Geodesic.Distance(0, 10, 0, 11);
        var at60 = Geodesic.Distance(60, 10, 60, 11);

        Assert.Equal(111_319.5, atEquator, 1);
        Assert.InRange(at60, 55_700, 55_900);
    }

    [Fact]
    public void Distance_from_a_pole_does_not_depend_on_its_longitude()
    {
        Assert.Equal(Geodesic.Distance(90, 0, 89, 30), Geodesic.Distance(90, 123, 89, 30), 1e-3);
    }
}
