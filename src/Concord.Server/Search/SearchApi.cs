using Concord.Server.Auth;
using Concord.Server.Hosting;
using Concord.Server.Objects;
using Concord.Server.Problems;
using Concord.Storage.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Concord.Server.Search;

/// <summary>
/// <c>GET /api/search</c>: the same query as <c>/api/objects</c> (full text in any script, type, originator,
/// channel, TLP, time window), newest first unless <c>newest_first=false</c>, answered as compact summaries
/// so results can follow each keystroke.
/// </summary>
internal static class SearchApi
{
    public static RouteGroupBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/search")
            .RequireAuthorization(ConcordClaims.PartyMemberPolicy)
            .WithMetadata(new ReleasabilityGuardedAttribute())
            .WithTags("Search");
        group.MapGet("/", SearchAsync).WithName("Search").WithSummary("Search as summaries: q, type, originator, channel, tlp, modified_after, modified_before, received, newest_first, limit, cursor.");
        return group;
    }

    private static async Task<Results<Ok<SummaryPage>, ProblemHttpResult>> SearchAsync(HttpContext context, ObjectAccess access, Cursor cursors)
    {
        var query = QueryParser.Parse(ObjectFilters.From(context.Request.Query), cursors, out var error);
        if (error is not null)
        {
            return ProblemWriter.BadRequest(error, error.Split(':')[0]);
        }

        if (!context.Request.Query.ContainsKey("newest_first"))
        {
            query = query with { NewestFirst = true };
        }

        var actor = context.Actor();
        var reader = actor.RequireReader();
        var page = await access.ListAsync(actor, query with { Limit = Math.Min(query.Limit, 200) }, context.Purpose(), context.RequestAborted);
        return TypedResults.Ok(new SummaryPage(page.Items.Select(v => Summaries.Of(v, reader)).ToList(), page.Next is { } next ? cursors.Seal(next) : null));
    }
}
