using System.Text.Json;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Server.Auth;
using Concord.Server.Hosting;
using Concord.Server.Objects;
using Concord.Server.Problems;
using Concord.Storage.Access;
using Concord.Storage.Objects;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Concord.Server.Graph;

/// <summary>
/// What surrounds an object: its relationships, its link graph (relationships, sightings and the objects a
/// report, opinion, note or grouping refers to), and whether the caller may release it further. Every node and
/// every edge is read through <see cref="ObjectAccess"/>: an edge appears only when the caller reads the
/// relationship and both of its ends; what it cannot read is absent, not counted.
/// </summary>
internal static class GraphApi
{
    private const int MaxEdges = 200;

    private static readonly string[] ReferenceLists = ["object_refs", "where_sighted_refs", "observed_data_refs"];

    public static RouteGroupBuilder MapGraphApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/objects")
            .RequireAuthorization(ConcordClaims.PartyMemberPolicy)
            .WithMetadata(new ReleasabilityGuardedAttribute())
            .WithTags("Objects");
        group.MapGet("/{id}/relationships", RelationshipsAsync).WithName("GetObjectRelationships").WithSummary("Relationships and sightings you may read that point at an object you may read.");
        group.MapGet("/{id}/graph", GraphAsync).WithName("GetObjectGraph").WithSummary("The link graph one step around an object: nodes and edges you may read.");
        group.MapGet("/{id}/forwarding", ForwardingAsync).WithName("GetObjectForwarding").WithSummary("Whether TLP and caveats let you release an object further.");
        return group;
    }

    private static async Task<Results<Ok<SummaryPage>, ProblemHttpResult>> RelationshipsAsync(string id, HttpContext context, ObjectAccess access)
    {
        if (!StixId.TryParse(id, out var stixId))
        {
            return ProblemWriter.BadRequest($"'{Truncate(id)}' is not a STIX identifier (type--UUID)", "id");
        }

        var actor = context.Actor();
        if (await access.GetAsync(actor, stixId, context.Purpose(), context.RequestAborted) is null)
        {
            return ProblemWriter.NotFound();
        }

        var page = await access.ListAsync(actor, new ObjectQuery { References = stixId, Limit = MaxEdges }, context.Purpose(), context.RequestAborted);
        var reader = actor.RequireReader();
        return TypedResults.Ok(new SummaryPage(page.Items.Select(v => Summaries.Of(v, reader)).ToList(), null));
    }

    private static async Task<Results<Ok<GraphView>, ProblemHttpResult>> GraphAsync(string id, HttpContext context, ObjectAccess access)
    {
        if (!StixId.TryParse(id, out var stixId))
        {
            return ProblemWriter.BadRequest($"'{Truncate(id)}' is not a STIX identifier (type--UUID)", "id");
        }

        var actor = context.Actor();
        var reader = actor.RequireReader();
        var purpose = context.Purpose();
        var cancellationToken = context.RequestAborted;
        var center = await access.GetAsync(actor, stixId, purpose, cancellationToken);
        if (center is null)
        {
            return ProblemWriter.NotFound();
        }

        var nodes = new Dictionary<string, ObjectSummary> { [center.Id.ToString()] = Summaries.Of(center, reader) };
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        var edges = new List<GraphEdge>();

        async Task<bool> ReadableAsync(string other)
        {
            if (nodes.ContainsKey(other))
            {
                return true;
            }

            if (unreadable.Contains(other) || !StixId.TryParse(other, out var otherId))
            {
                return false;
            }

            var version = await access.GetAsync(actor, otherId, purpose, cancellationToken);
            if (version is null)
            {
                unreadable.Add(other);
                return false;
            }

            nodes[other] = Summaries.Of(version, reader);
            return true;
        }

        var links = await access.ListAsync(actor, new ObjectQuery { References = stixId, Limit = MaxEdges }, purpose, cancellationToken);
        foreach (var link in links.Items)
        {
            var summary = Summaries.Of(link, reader);
            if (summary.SourceRef is not { } source || summary.TargetRef is not { } target)
            {
                continue;
            }

            var other = source == summary.Id || source == center.Id.ToString() ? target : source;
            if (await ReadableAsync(other))
            {
                edges.Add(new GraphEdge(summary.Id, summary.RelationshipType ?? summary.Type, source, target));
            }
        }

        foreach (var (property, referenced) in References(center))
        {
            if (edges.Count >= MaxEdges)
            {
                break;
            }

            if (await ReadableAsync(referenced))
            {
                edges.Add(new GraphEdge($"{center.Id}→{referenced}", property, center.Id.ToString(), referenced));
            }
        }

        return TypedResults.Ok(new GraphView(center.Id.ToString(), nodes.Values.ToList(), edges));
    }

    private static async Task<Results<Ok<ForwardingView>, ProblemHttpResult>> ForwardingAsync(string id, HttpContext context, ObjectAccess access)
    {
        if (!StixId.TryParse(id, out var stixId))
        {
            return ProblemWriter.BadRequest($"'{Truncate(id)}' is not a STIX identifier (type--UUID)", "id");
        }

        var actor = context.Actor();
        var version = await access.GetAsync(actor, stixId, context.Purpose(), context.RequestAborted);
        if (version is null)
        {
            return ProblemWriter.NotFound();
        }

        var reader = actor.RequireReader();
        var refusal = ForwardingRule.OnwardRefusal(reader, version.Distribution);
        return TypedResults.Ok(new ForwardingView(refusal is null, refusal, version.Distribution.Originator == reader.Party));
    }

    /// <summary>The ids a container object (report, opinion, note, grouping, sighting) refers to.</summary>
    private static IEnumerable<(string Property, string Id)> References(StoredVersion version)
    {
        using var doc = JsonDocument.Parse(version.Json);
        var found = new List<(string, string)>();
        foreach (var property in ReferenceLists)
        {
            if (doc.RootElement.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                found.AddRange(list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => (property, e.GetString()!)));
            }
        }

        return found.Where(r => !r.Item2.StartsWith("marking-definition--", StringComparison.Ordinal)).Take(MaxEdges);
    }

    private static string Truncate(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
