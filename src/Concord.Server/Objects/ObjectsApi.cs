using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Server.Auth;
using Concord.Server.Hosting;
using Concord.Server.Problems;
using Concord.Storage.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Concord.Server.Objects;

/// <summary>
/// Reading objects: get, history, list/search, count, export, and releasing further. Every handler reads
/// through <see cref="ObjectAccess"/> with the caller's reader, so the releasability rule decides every answer;
/// anything unreadable is a 404 identical to a missing id.
/// </summary>
internal static class ObjectsApi
{
    public static RouteGroupBuilder MapObjectsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api")
            .RequireAuthorization(ConcordClaims.PartyMemberPolicy)
            .WithMetadata(new ReleasabilityGuardedAttribute())
            .WithTags("Objects")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/objects/{id}", GetAsync).WithName("GetObject").WithSummary("The latest version of an object your party may read.");
        group.MapGet("/objects/{id}/versions", VersionsAsync).WithName("GetObjectVersions").WithSummary("Every version of an object your party may read.");
        group.MapGet("/objects", ListAsync).WithName("ListObjects").WithSummary("Search and list objects (latest readable version of each), cursor-paged.");
        group.MapGet("/objects/count", CountAsync).WithName("CountObjects").WithSummary("Count the objects your party may read that match the filters.");
        group.MapGet("/bundles", ExportAsync).WithName("ExportBundle").WithSummary("Export matching objects as one STIX 2.1 bundle.");
        group.MapPost("/objects/{id}/release", ReleaseAsync).WithName("ReleaseObject").WithSummary("Release an object to more parties or channels, where TLP and caveats allow.");
        return group;
    }

    private static async Task<Results<StixJsonResult, ProblemHttpResult>> GetAsync(string id, HttpContext context, ObjectAccess access)
    {
        if (!StixId.TryParse(id, out var stixId))
        {
            return ProblemWriter.BadRequest($"'{Truncate(id)}' is not a STIX identifier (type--UUID)", "id");
        }

        var actor = context.Actor();
        var version = await access.GetAsync(actor, stixId, context.Purpose(), context.RequestAborted);
        return version is null ? ProblemWriter.NotFound() : StixJsonResult.Object(version, actor.RequireReader());
    }

    private static async Task<Results<StixJsonResult, ProblemHttpResult>> VersionsAsync(string id, HttpContext context, ObjectAccess access)
    {
        if (!StixId.TryParse(id, out var stixId))
        {
            return ProblemWriter.BadRequest($"'{Truncate(id)}' is not a STIX identifier (type--UUID)", "id");
        }

        var actor = context.Actor();
        var versions = await access.GetVersionsAsync(actor, stixId, context.Purpose(), context.RequestAborted);
        return versions.Count == 0 ? ProblemWriter.NotFound() : StixJsonResult.History(stixId.ToString(), versions, actor.RequireReader());
    }

    private static async Task<Results<StixJsonResult, ProblemHttpResult>> ListAsync([AsParameters] ObjectFilters filters, HttpContext context, ObjectAccess access, Cursor cursors)
    {
        var query = QueryParser.Parse(filters, cursors, out var error);
        if (error is not null)
        {
            return ProblemWriter.BadRequest(error, error.Split(':')[0]);
        }

        var actor = context.Actor();
        var page = await access.ListAsync(actor, query, context.Purpose(), context.RequestAborted);
        return StixJsonResult.Page(page, actor.RequireReader(), cursors);
    }

    private static async Task<Results<Ok<CountResponse>, ProblemHttpResult>> CountAsync([AsParameters] ObjectFilters filters, HttpContext context, ObjectAccess access, Cursor cursors)
    {
        var query = QueryParser.Parse(filters, cursors, out var error);
        if (error is not null)
        {
            return ProblemWriter.BadRequest(error, error.Split(':')[0]);
        }

        var count = await access.CountAsync(context.Actor(), query, context.Purpose(), context.RequestAborted);
        return TypedResults.Ok(new CountResponse(count));
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ExportAsync([AsParameters] ObjectFilters filters, HttpContext context, ObjectAccess access, Cursor cursors)
    {
        var query = QueryParser.Parse(filters, cursors, out var error);
        if (error is not null)
        {
            return ProblemWriter.BadRequest(error, error.Split(':')[0]);
        }

        context.Response.ContentType = "application/stix+json;version=2.1";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"concord-export.json\"";
        await access.ExportAsync(context.Actor(), query, context.Purpose(), context.Response.Body, context.RequestAborted);
        return TypedResults.Empty;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReleaseAsync(string id, ReleaseRequest request, HttpContext context, ObjectAccess access)
    {
        if (!StixId.TryParse(id, out var stixId))
        {
            return ProblemWriter.BadRequest($"'{Truncate(id)}' is not a STIX identifier (type--UUID)", "id");
        }

        var parties = new List<PartyId>();
        var channels = new List<ChannelId>();
        for (var i = 0; i < (request.Parties?.Count ?? 0); i++)
        {
            if (!PartyId.TryParse(request.Parties![i], out var p))
            {
                return ProblemWriter.BadRequest("not a party id", $"/parties/{i}");
            }

            parties.Add(p);
        }

        for (var i = 0; i < (request.Channels?.Count ?? 0); i++)
        {
            if (!ChannelId.TryParse(request.Channels![i], out var c))
            {
                return ProblemWriter.BadRequest("not a channel id", $"/channels/{i}");
            }

            channels.Add(c);
        }

        var (outcome, reason) = await access.ReleaseAsync(context.Actor(), stixId, new Release(parties, channels), context.Purpose(), context.RequestAborted);
        return outcome switch
        {
            ForwardOutcome.Released => TypedResults.NoContent(),
            ForwardOutcome.NotFound => ProblemWriter.NotFound(),
            _ => ProblemWriter.Forbidden(reason ?? "refused"),
        };
    }

    private static string Truncate(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
