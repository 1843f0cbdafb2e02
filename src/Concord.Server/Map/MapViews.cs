using Concord.Server.Objects;

namespace Concord.Server.Map;

/// <summary>What the caller may read that has a place: locations with coordinates, and incidents placed by a
/// <c>located-at</c> relationship (readable, as is the location) at that location.</summary>
/// <param name="Locations">Locations with latitude and longitude.</param>
/// <param name="Incidents">Incidents with the location they are placed at.</param>
public sealed record MapView(IReadOnlyList<ObjectSummary> Locations, IReadOnlyList<MapIncident> Incidents);

/// <summary>An incident on the map.</summary>
/// <param name="Incident">The incident.</param>
/// <param name="LocationId">The location it is placed at.</param>
public sealed record MapIncident(ObjectSummary Incident, string LocationId);
