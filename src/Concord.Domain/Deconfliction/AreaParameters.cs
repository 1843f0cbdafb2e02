namespace Concord.Domain.Deconfliction;

/// <summary>Area parameters given apart from the GeoJSON (as CLI options); each, when set, wins over the Feature's property.</summary>
/// <param name="Radius">Circle radius, metres.</param>
/// <param name="Width">Route width, metres.</param>
/// <param name="Buffer">Safety buffer, metres.</param>
public sealed record AreaParameters(double? Radius, double? Width, double? Buffer);
