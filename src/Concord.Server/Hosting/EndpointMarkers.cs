namespace Concord.Server.Hosting;

/// <summary>Marks an endpoint that serves STIX data: every answer it gives is decided by the releasability rule.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ReleasabilityGuardedAttribute : Attribute;

/// <summary>Marks an endpoint that serves no STIX data (directory, administration, health, documents).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class NoStixDataAttribute : Attribute;
