using Concord.Server.Objects;

namespace Concord.Server.Graph;

/// <summary>The objects around one object and the links between them, each one readable by the caller.</summary>
/// <param name="Center">The object asked about.</param>
/// <param name="Nodes">Every object in the graph, the center included.</param>
/// <param name="Edges">Relationships, sightings and references between them.</param>
public sealed record GraphView(string Center, IReadOnlyList<ObjectSummary> Nodes, IReadOnlyList<GraphEdge> Edges);

/// <summary>One link.</summary>
/// <param name="Id">The relationship or sighting id, or <c>source→target</c> for a reference.</param>
/// <param name="Kind">The relationship type, <c>sighting</c>, or the referring property (e.g. <c>object_refs</c>).</param>
/// <param name="Source">From.</param>
/// <param name="Target">To.</param>
public sealed record GraphEdge(string Id, string Kind, string Source, string Target);

/// <summary>Whether the caller may release an object further, and if not, why.</summary>
/// <param name="Allowed">True when TLP and caveats let the caller pass it on.</param>
/// <param name="Reason">Why not, in plain words.</param>
/// <param name="Originator">True when the caller originated it (and may amend it and widen its release).</param>
public sealed record ForwardingView(bool Allowed, string? Reason, bool Originator);
