using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Valid;

namespace Concord.Domain.Deconfliction;

/// <summary>
/// Reads an area from GeoJSON (RFC 7946) and checks it. Accepted: a Feature (or a bare geometry) whose geometry
/// is a Point with <c>radius_m</c>, a LineString with <c>width_m</c>, or a Polygon (holes allowed); any of them
/// may carry <c>buffer_m</c>, a safety buffer. Refused, with a JSON pointer: malformed GeoJSON, other geometry
/// types, coordinates out of range, polygons that intersect themselves (checked in the area's own local
/// projection, so the antimeridian and the poles do not make a valid polygon invalid), routes of one position,
/// and areas reaching farther from their centre than the node allows.
/// </summary>
public static class AreaParser
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>Parses GeoJSON text.</summary>
    public static bool TryParse(string json, DeconflictionLimits limits, out Area? area, out IReadOnlyList<DeconflictionError> errors)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return TryParse(document.RootElement, string.Empty, limits, null, out area, out errors);
        }
        catch (JsonException ex)
        {
            area = null;
            errors = [new DeconflictionError(string.Empty, "the area is not JSON: " + ex.Message)];
            return false;
        }
    }

    /// <summary>
    /// Parses a GeoJSON Feature or geometry found at <paramref name="pointer"/> of a request. <paramref name="parameters"/>
    /// (radius, width, buffer in metres) replace the Feature's properties where given, as the CLI's options do.
    /// </summary>
    public static bool TryParse(JsonElement element, string pointer, DeconflictionLimits limits, AreaParameters? parameters, out Area? area, out IReadOnlyList<DeconflictionError> errors)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        ArgumentNullException.ThrowIfNull(limits);
        area = null;
        errors = [];
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            errors = [new DeconflictionError(pointer, "the area must be a GeoJSON Feature or geometry object")];
            return false;
        }

        var geometryElement = element;
        var geometryPointer = pointer;
        double? radius = null, width = null, buffer = null;
        if (type.GetString() == "Feature")
        {
            if (!element.TryGetProperty("geometry", out geometryElement) || geometryElement.ValueKind != JsonValueKind.Object)
            {
                errors = [new DeconflictionError(pointer + "/geometry", "the Feature has no geometry")];
                return false;
            }

            geometryPointer = pointer + "/geometry";
            if (element.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                var found = new List<DeconflictionError>();
                radius = Number(properties, "radius_m", pointer, found);
                width = Number(properties, "width_m", pointer, found);
                buffer = Number(properties, "buffer_m", pointer, found);
                if (found.Count > 0)
                {
                    errors = found;
                    return false;
                }
            }
        }

        radius = parameters?.Radius ?? radius;
        width = parameters?.Width ?? width;
        buffer = parameters?.Buffer ?? buffer;
        Geometry? geometry;
        try
        {
            geometry = geometryElement.Deserialize<Geometry>(GeoJson);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException or IndexOutOfRangeException)
        {
            errors = [new DeconflictionError(geometryPointer, "not a valid GeoJSON geometry: " + ex.Message.Split('\n')[0])];
            return false;
        }

        (AreaShape Shape, double Radius, string? Missing) plan = geometry switch
        {
            Point => (AreaShape.Circle, radius ?? 0, radius is null ? "radius_m" : null),
            LineString => (AreaShape.Route, (width ?? 0) / 2, width is null ? "width_m" : null),
            Polygon => (AreaShape.Polygon, 0, null),
            _ => (AreaShape.Polygon, 0, "type"),
        };
        if (plan.Missing == "type" || geometry is null)
        {
            errors = [new DeconflictionError(geometryPointer + "/type", "use a Point with radius_m, a LineString with width_m, or a Polygon")];
            return false;
        }

        if (plan.Missing is not null)
        {
            errors = [new DeconflictionError(pointer + "/properties/" + plan.Missing, $"a {geometry.GeometryType} needs {plan.Missing} (metres)")];
            return false;
        }

        return TryBuild(plan.Shape, geometry, plan.Radius, buffer ?? 0, limits, geometryPointer, out area, out errors);
    }

    /// <summary>The area as a GeoJSON Feature, as stored and as its owner reads it back.</summary>
    public static string ToGeoJson(Area area)
    {
        ArgumentNullException.ThrowIfNull(area);
        var properties = new JsonObject();
        if (area.Shape == AreaShape.Circle)
        {
            properties["radius_m"] = area.Radius;
        }
        else if (area.Shape == AreaShape.Route)
        {
            properties["width_m"] = area.Radius * 2;
        }

        if (area.Buffer > 0)
        {
            properties["buffer_m"] = area.Buffer;
        }

        var feature = new JsonObject
        {
            ["type"] = "Feature",
            ["geometry"] = JsonNode.Parse(JsonSerializer.Serialize(area.Core, GeoJson)),
            ["properties"] = properties,
        };
        return feature.ToJsonString();
    }

    internal static bool TryBuild(AreaShape shape, Geometry core, double radius, double buffer, DeconflictionLimits limits, string pointer, out Area? area, out IReadOnlyList<DeconflictionError> errors)
    {
        area = null;
        var found = new List<DeconflictionError>();
        errors = found;
        var coordinates = pointer + "/coordinates";
        foreach (var (c, where) in Positions(core, coordinates))
        {
            if (!double.IsFinite(c.X) || !double.IsFinite(c.Y) || c.X is < -180 or > 180 || c.Y is < -90 or > 90)
            {
                found.Add(new DeconflictionError(where, "a position must be [longitude, latitude] within [-180, 180] and [-90, 90]"));
            }
        }

        if (core.NumPoints > limits.MaxVertices)
        {
            found.Add(new DeconflictionError(coordinates, $"the area has more than {limits.MaxVertices} positions"));
        }

        var propertiesPointer = (pointer.EndsWith("/geometry", StringComparison.Ordinal) ? pointer[..^"/geometry".Length] : pointer) + "/properties/";
        var parameter = shape == AreaShape.Circle ? "radius_m" : "width_m";
        if (shape != AreaShape.Polygon && (!double.IsFinite(radius) || radius <= 0))
        {
            found.Add(new DeconflictionError(propertiesPointer + parameter, $"{parameter} must be a positive number of metres"));
        }

        if (!double.IsFinite(buffer) || buffer < 0)
        {
            found.Add(new DeconflictionError(propertiesPointer + "buffer_m", "buffer_m must be zero or a positive number of metres"));
        }

        if (shape == AreaShape.Route && core.Coordinates.Select(c => (c.X, c.Y)).Distinct().Count() < 2)
        {
            found.Add(new DeconflictionError(coordinates, "a route needs at least two different positions"));
        }

        if (found.Count > 0)
        {
            return false;
        }

        var (lat, lon) = Area.CentreOf(core);
        var projection = new LocalProjection(lat, lon);
        var projected = projection.Project(core);
        if (shape == AreaShape.Polygon)
        {
            var problem = new IsValidOp(projected).ValidationError;
            if (problem is not null)
            {
                found.Add(new DeconflictionError(NearestPosition(projected, problem.Coordinate, coordinates), $"the polygon is not valid: {problem.Message.ToLowerInvariant()}"));
                return false;
            }
        }

        var extent = projected.Coordinates.Max(c => Math.Sqrt((c.X * c.X) + (c.Y * c.Y))) + radius + buffer;
        if (extent > limits.MaxReachMetres)
        {
            found.Add(new DeconflictionError(pointer, string.Create(CultureInfo.InvariantCulture, $"the area reaches {extent / 1000:0.#} km from its centre; the limit is {limits.MaxReachMetres / 1000:0.#} km")));
            return false;
        }

        area = new Area(shape, core, radius, buffer, Area.CapOf(lat, lon, extent), extent, projection, projected);
        return true;
    }

    private static double? Number(JsonElement properties, string name, string pointer, List<DeconflictionError> errors)
    {
        if (!properties.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number))
        {
            errors.Add(new DeconflictionError($"{pointer}/properties/{name}", $"{name} must be a number of metres"));
            return null;
        }

        return number;
    }

    private static IEnumerable<(Coordinate Position, string Pointer)> Positions(Geometry core, string pointer)
    {
        switch (core)
        {
            case Point p:
                yield return (p.Coordinate, pointer);
                break;
            case LineString l:
                for (var i = 0; i < l.NumPoints; i++)
                {
                    yield return (l.GetCoordinateN(i), $"{pointer}/{i}");
                }

                break;
            case Polygon polygon:
                var rings = new[] { polygon.Shell }.Concat(polygon.Holes).ToArray();
                for (var r = 0; r < rings.Length; r++)
                {
                    for (var i = 0; i < rings[r].NumPoints; i++)
                    {
                        yield return (rings[r].GetCoordinateN(i), $"{pointer}/{r}/{i}");
                    }
                }

                break;
        }
    }

    private static string NearestPosition(Geometry projected, Coordinate? at, string pointer)
    {
        if (at is null)
        {
            return pointer;
        }

        var best = pointer;
        var bestDistance = double.MaxValue;
        foreach (var (c, where) in Positions(projected, pointer))
        {
            var d = c.Distance(at);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = where;
            }
        }

        return best;
    }
}
