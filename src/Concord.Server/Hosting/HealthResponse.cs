namespace Concord.Server.Hosting;

/// <summary>The node is up.</summary>
/// <param name="Status">Always <c>ok</c>.</param>
/// <param name="Store">Which engine holds the data (<c>sqlite</c> or <c>postgres</c>).</param>
public sealed record HealthResponse(string Status, string Store);
