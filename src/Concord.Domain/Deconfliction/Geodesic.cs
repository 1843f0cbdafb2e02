namespace Concord.Domain.Deconfliction;

/// <summary>
/// Geodesics on the WGS84 ellipsoid by Vincenty's formulae (inverse and direct), accurate to well under a
/// millimetre at the distances deconfliction works with. For the nearly antipodal pairs where the inverse does
/// not converge, it falls back to a great circle on the mean sphere (such pairs never overlap).
/// </summary>
public static class Geodesic
{
    /// <summary>WGS84 semi-major axis, metres.</summary>
    public const double A = 6_378_137.0;

    /// <summary>WGS84 flattening.</summary>
    public const double F = 1 / 298.257223563;

    /// <summary>WGS84 semi-minor axis, metres.</summary>
    public const double B = A * (1 - F);

    /// <summary>
    /// The smallest radius of curvature of the ellipsoid (meridional, at the equator): a path of length <c>s</c>
    /// on the ellipsoid spans at most <c>s / MinCurvatureRadius</c> radians between its ends' geodetic directions.
    /// </summary>
    public const double MinCurvatureRadius = A * (1 - (F * (2 - F)));

    /// <summary>Mean radius, metres.</summary>
    public const double MeanRadius = 6_371_008.8;

    private const double DegToRad = Math.PI / 180;

    /// <summary>The distance in metres and the initial azimuth (radians, clockwise from north) from point 1 to point 2.</summary>
    public static (double Distance, double Azimuth) Inverse(double lat1, double lon1, double lat2, double lon2)
    {
        var l = NormaliseRadians((lon2 - lon1) * DegToRad);
        var u1 = Math.Atan((1 - F) * Math.Tan(lat1 * DegToRad));
        var u2 = Math.Atan((1 - F) * Math.Tan(lat2 * DegToRad));
        var (sinU1, cosU1) = Math.SinCos(u1);
        var (sinU2, cosU2) = Math.SinCos(u2);
        var lambda = l;
        double sinSigma, cosSigma, sigma, cos2Alpha, cos2SigmaM, sinLambda, cosLambda;
        var iterations = 0;
        while (true)
        {
            (sinLambda, cosLambda) = Math.SinCos(lambda);
            var t1 = cosU2 * sinLambda;
            var t2 = (cosU1 * sinU2) - (sinU1 * cosU2 * cosLambda);
            sinSigma = Math.Sqrt((t1 * t1) + (t2 * t2));
            if (sinSigma == 0)
            {
                return (0, 0);
            }

            cosSigma = (sinU1 * sinU2) + (cosU1 * cosU2 * cosLambda);
            sigma = Math.Atan2(sinSigma, cosSigma);
            var sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            cos2Alpha = 1 - (sinAlpha * sinAlpha);
            cos2SigmaM = cos2Alpha != 0 ? cosSigma - (2 * sinU1 * sinU2 / cos2Alpha) : 0;
            var c = F / 16 * cos2Alpha * (4 + (F * (4 - (3 * cos2Alpha))));
            var previous = lambda;
            lambda = l + ((1 - c) * F * sinAlpha * (sigma + (c * sinSigma * (cos2SigmaM + (c * cosSigma * (-1 + (2 * cos2SigmaM * cos2SigmaM)))))));
            if (Math.Abs(lambda - previous) < 1e-12)
            {
                break;
            }

            if (++iterations > 200 || Math.Abs(lambda) > Math.PI)
            {
                return Spherical(lat1, lon1, lat2, lon2);
            }
        }

        var uSq = cos2Alpha * ((A * A) - (B * B)) / (B * B);
        var a = 1 + (uSq / 16384 * (4096 + (uSq * (-768 + (uSq * (320 - (175 * uSq)))))));
        var b = uSq / 1024 * (256 + (uSq * (-128 + (uSq * (74 - (47 * uSq))))));
        var deltaSigma = b * sinSigma * (cos2SigmaM + (b / 4 * ((cosSigma * (-1 + (2 * cos2SigmaM * cos2SigmaM)))
            - (b / 6 * cos2SigmaM * (-3 + (4 * sinSigma * sinSigma)) * (-3 + (4 * cos2SigmaM * cos2SigmaM))))));
        var distance = B * a * (sigma - deltaSigma);
        var azimuth = Math.Atan2(cosU2 * sinLambda, (cosU1 * sinU2) - (sinU1 * cosU2 * cosLambda));
        return (distance, azimuth);
    }

    /// <summary>The distance in metres between two points.</summary>
    public static double Distance(double lat1, double lon1, double lat2, double lon2) => Inverse(lat1, lon1, lat2, lon2).Distance;

    /// <summary>The point reached from (lat1, lon1) going <paramref name="distance"/> metres on azimuth <paramref name="azimuth"/> (radians).</summary>
    public static (double Lat, double Lon) Direct(double lat1, double lon1, double azimuth, double distance)
    {
        var (sinAlpha1, cosAlpha1) = Math.SinCos(azimuth);
        var tanU1 = (1 - F) * Math.Tan(lat1 * DegToRad);
        var cosU1 = 1 / Math.Sqrt(1 + (tanU1 * tanU1));
        var sinU1 = tanU1 * cosU1;
        var sigma1 = Math.Atan2(tanU1, cosAlpha1);
        var sinAlpha = cosU1 * sinAlpha1;
        var cos2Alpha = 1 - (sinAlpha * sinAlpha);
        var uSq = cos2Alpha * ((A * A) - (B * B)) / (B * B);
        var a = 1 + (uSq / 16384 * (4096 + (uSq * (-768 + (uSq * (320 - (175 * uSq)))))));
        var b = uSq / 1024 * (256 + (uSq * (-128 + (uSq * (74 - (47 * uSq))))));
        var sigma = distance / (B * a);
        double sinSigma, cosSigma, cos2SigmaM;
        var iterations = 0;
        while (true)
        {
            cos2SigmaM = Math.Cos((2 * sigma1) + sigma);
            (sinSigma, cosSigma) = Math.SinCos(sigma);
            var deltaSigma = b * sinSigma * (cos2SigmaM + (b / 4 * ((cosSigma * (-1 + (2 * cos2SigmaM * cos2SigmaM)))
                - (b / 6 * cos2SigmaM * (-3 + (4 * sinSigma * sinSigma)) * (-3 + (4 * cos2SigmaM * cos2SigmaM))))));
            var previous = sigma;
            sigma = (distance / (B * a)) + deltaSigma;
            if (Math.Abs(sigma - previous) < 1e-12 || ++iterations > 200)
            {
                break;
            }
        }

        (sinSigma, cosSigma) = Math.SinCos(sigma);
        cos2SigmaM = Math.Cos((2 * sigma1) + sigma);
        var tmp = (sinU1 * sinSigma) - (cosU1 * cosSigma * cosAlpha1);
        var lat2 = Math.Atan2((sinU1 * cosSigma) + (cosU1 * sinSigma * cosAlpha1), (1 - F) * Math.Sqrt((sinAlpha * sinAlpha) + (tmp * tmp)));
        var lambda = Math.Atan2(sinSigma * sinAlpha1, (cosU1 * cosSigma) - (sinU1 * sinSigma * cosAlpha1));
        var c = F / 16 * cos2Alpha * (4 + (F * (4 - (3 * cos2Alpha))));
        var l = lambda - ((1 - c) * F * sinAlpha * (sigma + (c * sinSigma * (cos2SigmaM + (c * cosSigma * (-1 + (2 * cos2SigmaM * cos2SigmaM)))))));
        return (lat2 / DegToRad, NormaliseDegrees(lon1 + (l / DegToRad)));
    }

    /// <summary>A longitude brought into [-180, 180).</summary>
    public static double NormaliseDegrees(double lon)
    {
        var x = (lon + 180) % 360;
        if (x < 0)
        {
            x += 360;
        }

        return x - 180;
    }

    private static double NormaliseRadians(double angle)
    {
        var x = (angle + Math.PI) % (2 * Math.PI);
        if (x < 0)
        {
            x += 2 * Math.PI;
        }

        return x - Math.PI;
    }

    private static (double Distance, double Azimuth) Spherical(double lat1, double lon1, double lat2, double lon2)
    {
        var p1 = lat1 * DegToRad;
        var p2 = lat2 * DegToRad;
        var dl = (lon2 - lon1) * DegToRad;
        var h = Math.Pow(Math.Sin((p2 - p1) / 2), 2) + (Math.Cos(p1) * Math.Cos(p2) * Math.Pow(Math.Sin(dl / 2), 2));
        var angle = 2 * Math.Asin(Math.Min(1, Math.Sqrt(h)));
        var azimuth = Math.Atan2(Math.Sin(dl) * Math.Cos(p2), (Math.Cos(p1) * Math.Sin(p2)) - (Math.Sin(p1) * Math.Cos(p2) * Math.Cos(dl)));
        return (angle * MeanRadius, azimuth);
    }
}
