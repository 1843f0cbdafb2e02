namespace Concord.Domain.Deconfliction;

/// <summary>How an area is given.</summary>
public enum AreaShape
{
    /// <summary>A GeoJSON Point with a radius: every point within that geodesic distance.</summary>
    Circle,

    /// <summary>A GeoJSON Polygon, holes allowed: every point inside the shell and outside the holes.</summary>
    Polygon,

    /// <summary>A GeoJSON LineString with a width: every point within half the width of the route.</summary>
    Route,
}
