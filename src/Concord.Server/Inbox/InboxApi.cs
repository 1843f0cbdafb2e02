using Concord.Domain.Stix;
using Concord.Server.Auth;
using Concord.Server.Hosting;
using Concord.Server.Objects;
using Concord.Server.Problems;
using Concord.Storage;
using Concord.Storage.Access;
using Concord.Storage.Inbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Concord.Server.Inbox;

/// <summary>
/// The member's inbox: what other parties released to its party, newest first, read through
/// <see cref="ObjectAccess"/> like every list; and the member's own read marks.
/// </summary>
internal static class InboxApi
{
    private const int MaxMarks = 500;

    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/inbox")
            .RequireAuthorization(ConcordClaims.PartyMemberPolicy)
            .WithMetadata(new ReleasabilityGuardedAttribute())
            .WithTags("Inbox")
            .MapGet("/", ListAsync).WithName("Inbox")
            .WithSummary("What other parties released to your party, newest first; filters: channel, type, tlp, modified_after, unread=true; cursor-paged.");
        var marks = app.MapGroup("/api/inbox")
            .RequireAuthorization(ConcordClaims.PartyMemberPolicy)
            .WithMetadata(new NoStixDataAttribute())
            .WithTags("Inbox");
        marks.MapPost("/read", MarkAsync).WithName("MarkRead").WithSummary("Mark versions read ({\"versions\":[{\"id\",\"version\"}]}, at most 500).");
        marks.MapPost("/read-all", MarkAllAsync).WithName("MarkAllRead").WithSummary("Mark everything received so far read.");
        return app;
    }

    private static async Task<Results<Ok<SummaryPage>, ProblemHttpResult>> ListAsync(HttpContext context, ObjectAccess access, IConcordStore store, Cursor cursors)
    {
        var query = QueryParser.Parse(ObjectFilters.From(context.Request.Query), cursors, out var error);
        if (error is not null)
        {
            return ProblemWriter.BadRequest(error, error.Split(':')[0]);
        }

        var unreadOnly = context.Request.Query["unread"] == "true";
        var actor = context.Actor();
        var reader = actor.RequireReader();
        var page = await access.ListAsync(actor, query with { ReceivedOnly = true, NewestFirst = true, Limit = Math.Min(query.Limit, 200) }, context.Purpose(), context.RequestAborted);
        var marks = await store.ReadMarks.GetAsync(actor.Member, page.Items.Select(v => new ObjectVersionKey(v.Id, v.Version.Ticks)).ToList(), context.RequestAborted);
        var items = page.Items
            .Select(v => Summaries.Of(v, reader, marks.IsRead(new ObjectVersionKey(v.Id, v.Version.Ticks), v.Added)))
            .Where(s => !unreadOnly || s.Read == false)
            .ToList();
        return TypedResults.Ok(new SummaryPage(items, page.Next is { } next ? cursors.Seal(next) : null));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> MarkAsync(MarkReadRequest request, HttpContext context, IConcordStore store)
    {
        var versions = new List<ObjectVersionKey>();
        var given = request.Versions ?? [];
        if (given.Count > MaxMarks)
        {
            return ProblemWriter.BadRequest($"at most {MaxMarks} versions at a time", "/versions");
        }

        for (var i = 0; i < given.Count; i++)
        {
            if (!StixId.TryParse(given[i].Id, out var id))
            {
                return ProblemWriter.BadRequest("not a STIX identifier", $"/versions/{i}/id");
            }

            if (!StixTimestamp.TryParse(given[i].Version, out var version))
            {
                return ProblemWriter.BadRequest("not a version timestamp", $"/versions/{i}/version");
            }

            versions.Add(new ObjectVersionKey(id, version.Ticks));
        }

        await store.ReadMarks.MarkAsync(context.Actor().Member, versions, context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> MarkAllAsync(HttpContext context, IConcordStore store)
    {
        await store.ReadMarks.MarkAllAsync(context.Actor().Member, DateTimeOffset.UtcNow, context.RequestAborted);
        return TypedResults.NoContent();
    }
}
