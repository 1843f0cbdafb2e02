using Concord.Server.Auth;
using Concord.Server.Hosting;
using Concord.Server.Objects;
using Concord.Storage.Access;
using Concord.Storage.Objects;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Concord.Server.Map;

/// <summary>
/// <c>GET /api/map</c>: the caller's readable locations and incidents, placed. Operations and conflict notices
/// come from <c>/api/ops</c>, under deconfliction's own disclosure rule. The base map (borders, provinces) ships
/// with the web assets; nothing is fetched from anywhere else.
/// </summary>
internal static class MapApi
{
    private const int MaxPlaces = 2000;
    private const int MaxRelationshipPages = 20;

    public static RouteGroupBuilder MapMapApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/map")
            .RequireAuthorization(ConcordClaims.PartyMemberPolicy)
            .WithMetadata(new ReleasabilityGuardedAttribute())
            .WithTags("Map");
        group.MapGet("/", MapAsync).WithName("Map").WithSummary("Readable locations with coordinates and readable incidents located at them.");
        return group;
    }

    private static async Task<Ok<MapView>> MapAsync(HttpContext context, ObjectAccess access)
    {
        var actor = context.Actor();
        var reader = actor.RequireReader();
        var purpose = context.Purpose();
        var cancellationToken = context.RequestAborted;
        var locations = (await access.ListAsync(actor, new ObjectQuery { Type = "location", Limit = ObjectQuery.MaxLimit, NewestFirst = true }, purpose, cancellationToken)).Items
            .Select(v => Summaries.Of(v, reader))
            .Where(s => s.Latitude is not null && s.Longitude is not null)
            .Take(MaxPlaces)
            .ToDictionary(s => s.Id, StringComparer.Ordinal);
        var incidents = (await access.ListAsync(actor, new ObjectQuery { Type = "incident", Limit = ObjectQuery.MaxLimit, NewestFirst = true }, purpose, cancellationToken)).Items
            .Select(v => Summaries.Of(v, reader))
            .ToDictionary(s => s.Id, StringComparer.Ordinal);
        var placed = new List<MapIncident>();
        var query = new ObjectQuery { Type = "relationship", Limit = ObjectQuery.MaxLimit };
        for (var pages = 0; pages < MaxRelationshipPages && incidents.Count > placed.Count; pages++)
        {
            var page = await access.ListAsync(actor, query, purpose, cancellationToken);
            foreach (var link in page.Items.Select(v => Summaries.Of(v, reader)))
            {
                if (link.RelationshipType == "located-at" && link.SourceRef is { } source && link.TargetRef is { } target
                    && incidents.TryGetValue(source, out var incident) && locations.ContainsKey(target))
                {
                    placed.Add(new MapIncident(incident, target));
                }
            }

            if (page.Next is not { } next)
            {
                break;
            }

            query = query with { After = next };
        }

        return TypedResults.Ok(new MapView(locations.Values.ToList(), placed));
    }
}
