using Concord.Server.Auth;
using Concord.Server.Hosting;
using Concord.Server.Problems;
using Concord.Storage.Import;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Concord.Server.Import;

/// <summary>
/// <c>POST /api/bundles</c>: imports a STIX bundle (streamed from the request body) as the caller's party.
/// Good objects go in even when others are refused, unless <c>all_or_nothing=true</c>.
/// </summary>
internal static class BundlesApi
{
    public static RouteGroupBuilder MapBundlesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api")
            .RequireAuthorization(ConcordClaims.PartyMemberPolicy)
            .WithMetadata(new ReleasabilityGuardedAttribute())
            .WithTags("Import")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/bundles", ImportAsync)
            .WithName("ImportBundle")
            .WithSummary("Import a STIX 2.1 bundle (the request body, any JSON media type); query: all_or_nothing, channel, party, caveat, purpose, restriction, grading set defaults for objects whose Concord extension names none.");
        return group;
    }

    private static async Task<Results<Ok<ImportResponse>, UnprocessableEntity<ImportResponse>, ProblemHttpResult>> ImportAsync([AsParameters] ImportOptions options, HttpContext context, Importer importer)
    {
        if (!ReleaseOptionsParser.TryParse(options, out var release, out var handling, out var grading, out var error))
        {
            return ProblemWriter.BadRequest(error!, error!.Split(':')[0]);
        }

        var allOrNothing = string.Equals(options.AllOrNothing, "true", StringComparison.OrdinalIgnoreCase);
        var request = new ImportRequest(context.Actor(), release, handling, grading, allOrNothing, "api");
        var report = await importer.ImportAsync(context.Request.Body, request, null, context.RequestAborted);
        if (report.Received == 0 && report.Problems.Count > 0)
        {
            var first = report.Problems[0];
            return ProblemWriter.BadRequest(first.Message, first.Pointer);
        }

        var response = new ImportResponse(report.Received, report.Inserted, report.Unchanged, report.Rejected, report.Committed,
            report.Problems.Select(p => new ImportProblemView(p.Index, p.Pointer, p.Id, p.Message)).ToList());
        return report.Committed && (report.Inserted + report.Unchanged > 0 || report.Rejected == 0)
            ? TypedResults.Ok(response)
            : TypedResults.UnprocessableEntity(response);
    }
}
