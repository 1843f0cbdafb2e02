using System.Globalization;
using System.Text;
using System.Text.Json;
using Concord.Domain.Deconfliction;
using Concord.Server.Auth;
using Concord.Server.Hosting;
using Concord.Server.Problems;
using Concord.Storage.Deconfliction;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Concord.Server.Deconfliction;

/// <summary>
/// Operational deconfliction under <c>/api/ops</c>: register, amend, cancel, complete and list the caller's
/// operations; list its conflict notices; acknowledge, escalate, resolve; a server-sent-event stream of its
/// notices; its webhook. Operations are not STIX data and never reach an object, search, export or TAXII
/// route; what a party learns of another's operation is decided by the Domain's <see cref="Disclosure"/> alone.
/// A node serving as a deconfliction hub hosts the parties of other nodes: their members call these routes
/// with their own keys.
/// </summary>
internal static class DeconflictionApi
{
    public static IServiceCollection AddDeconfliction(this IServiceCollection services)
    {
        services.AddSingleton(DeconflictionSettings.Default);
        services.AddSingleton(s => new OperationAccess(s.GetRequiredService<Storage.IConcordStore>(), s.GetRequiredService<DeconflictionSettings>()));
        services.AddSingleton<NoticeAccess>();
        services.AddSingleton<NoticeHub>();
        services.AddHttpClient(nameof(NoticeDispatcher), c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHostedService<NoticeDispatcher>();
        return services;
    }

    public static RouteGroupBuilder MapDeconflictionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ops")
            .RequireAuthorization(ConcordClaims.PartyMemberPolicy)
            .WithMetadata(new NoStixDataAttribute())
            .WithTags("Deconfliction");
        group.MapPost("/", RegisterAsync).WithName("RegisterOperation").WithSummary("Register a planned operation; answers with it and your notices of any conflicts found.");
        group.MapGet("/", ListAsync).WithName("ListOperations").WithSummary("The latest version of each of your party's operations.");
        group.MapGet("/{id}", HistoryAsync).WithName("GetOperationVersions").WithSummary("Every version of one of your party's operations.");
        group.MapPatch("/{id}", AmendAsync).WithName("AmendOperation").WithSummary("Amend one of your party's operations: the fields given replace the current ones.");
        group.MapPost("/{id}/cancel", (string id, HttpContext context, OperationAccess access, NoticeHub hub) => ChangeAsync(id, context, hub, (a, o, c) => access.CancelAsync(a, o, c)))
            .WithName("CancelOperation").WithSummary("Cancel one of your party's operations; its open conflicts are resolved.");
        group.MapPost("/{id}/complete", (string id, HttpContext context, OperationAccess access, NoticeHub hub) => ChangeAsync(id, context, hub, (a, o, c) => access.CompleteAsync(a, o, c)))
            .WithName("CompleteOperation").WithSummary("Mark one of your party's operations completed; its open conflicts are resolved.");
        group.MapGet("/conflicts", ConflictsAsync).WithName("ListConflictNotices").WithSummary("Your party's conflict notices, newest first (open=true: those still needing attention).");
        group.MapPost("/conflicts/{id}/ack", (string id, HttpContext context, NoticeAccess notices, NoticeHub hub) => ActAsync(id, NoticeAction.Acknowledge, null, context, notices, hub))
            .WithName("AcknowledgeConflict").WithSummary("Acknowledge a conflict notice; the conflict stays open until both sides have.");
        group.MapPost("/conflicts/{id}/escalate", (string id, HttpContext context, NoticeAccess notices, NoticeHub hub) => ActAsync(id, NoticeAction.Escalate, null, context, notices, hub))
            .WithName("EscalateConflict").WithSummary("Escalate a conflict.");
        group.MapPost("/conflicts/{id}/resolve", (string id, ResolveRequest request, HttpContext context, NoticeAccess notices, NoticeHub hub) => ActAsync(id, NoticeAction.Resolve, request.Resolution, context, notices, hub))
            .WithName("ResolveConflict").WithSummary("Resolve a conflict: moved, shortened, cancelled or other.");
        group.MapGet("/events", StreamAsync).WithName("StreamConflictNotices")
            .WithSummary("Server-sent events: your party's notices as they happen (id = feed position; resume with Last-Event-ID or ?after=).")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        group.MapPut("/webhook", SetWebhookAsync).WithName("SetOperationsWebhook").WithSummary("Post your party's notices to a URL, signed with HMAC-SHA256 of 'timestamp.body' under the shared secret.");
        group.MapDelete("/webhook", (HttpContext context, NoticeAccess notices) => SetWebhookAsync(new WebhookRequest(null, null), context, notices)).WithName("RemoveOperationsWebhook").WithSummary("Stop posting your party's notices.");
        return group;
    }

    private static async Task<Results<Created<OperationResult>, ProblemHttpResult>> RegisterAsync(JsonElement body, HttpContext context, OperationAccess access, NoticeHub hub)
    {
        var outcome = await access.RegisterAsync(context.Actor(), body, context.RequestAborted);
        hub.Pulse();
        return outcome.Result is { } result ? TypedResults.Created($"/api/ops/{result.Operation.Id}", result) : Problem(outcome);
    }

    private static async Task<Ok<IReadOnlyList<OperationView>>> ListAsync(HttpContext context, OperationAccess access) =>
        TypedResults.Ok(await access.ListAsync(context.Actor(), context.RequestAborted));

    private static async Task<Results<Ok<IReadOnlyList<OperationView>>, ProblemHttpResult>> HistoryAsync(string id, HttpContext context, OperationAccess access)
    {
        var versions = OperationId.TryParse(id, out var operation) ? await access.HistoryAsync(context.Actor(), operation, context.RequestAborted) : [];
        return versions.Count == 0 ? NotFound() : TypedResults.Ok(versions);
    }

    private static Task<Results<Ok<OperationResult>, ProblemHttpResult>> AmendAsync(string id, JsonElement body, HttpContext context, OperationAccess access, NoticeHub hub) =>
        ChangeAsync(id, context, hub, (a, o, c) => access.AmendAsync(a, o, body, c));

    private static async Task<Results<Ok<OperationResult>, ProblemHttpResult>> ChangeAsync(string id, HttpContext context, NoticeHub hub, Func<Storage.Access.Actor, OperationId, CancellationToken, Task<OperationOutcome>> change)
    {
        if (!OperationId.TryParse(id, out var operation))
        {
            return NotFound();
        }

        var outcome = await change(context.Actor(), operation, context.RequestAborted);
        hub.Pulse();
        return outcome.Result is { } result ? TypedResults.Ok(result) : Problem(outcome);
    }

    private static async Task<Ok<IReadOnlyList<NoticeView>>> ConflictsAsync(HttpContext context, NoticeAccess notices, bool? open) =>
        TypedResults.Ok(await notices.ListAsync(context.Actor(), open ?? false, context.RequestAborted));

    private static async Task<Results<Ok<NoticeView>, ProblemHttpResult>> ActAsync(string id, NoticeAction action, string? resolution, HttpContext context, NoticeAccess notices, NoticeHub hub)
    {
        var (kind, notice, reason) = await notices.ActAsync(context.Actor(), id, action, resolution, context.RequestAborted);
        hub.Pulse();
        return kind switch
        {
            OperationOutcomeKind.Done => TypedResults.Ok(notice!),
            OperationOutcomeKind.NotFound => TypedResults.Problem(ProblemWriter.Create(StatusCodes.Status404NotFound, "Not found", "no conflict with this id concerns your party")),
            OperationOutcomeKind.Forbidden => ProblemWriter.Forbidden(reason!),
            OperationOutcomeKind.Closed => ProblemWriter.Conflict(reason!),
            _ => ProblemWriter.BadRequest(reason!, "/resolution"),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetWebhookAsync(WebhookRequest request, HttpContext context, NoticeAccess notices)
    {
        var refusal = await notices.SetWebhookAsync(context.Actor(), request.Url, request.Secret, context.RequestAborted);
        return refusal is null ? TypedResults.NoContent() : ProblemWriter.BadRequest(refusal, "/" + refusal.Split(':')[0]);
    }

    private static async Task StreamAsync(HttpContext context, NoticeAccess notices, NoticeHub hub, long? after)
    {
        var actor = context.Actor();
        var cursor = long.TryParse(context.Request.Headers["Last-Event-ID"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var last) ? last : after ?? 0;
        var aborted = context.RequestAborted;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        await context.Response.WriteAsync(": concord notices\n\n", aborted);
        await context.Response.Body.FlushAsync(aborted);
        try
        {
            while (!aborted.IsCancellationRequested)
            {
                var wake = hub.Next;
                var events = await notices.EventsAsync(actor, cursor, 100, aborted);
                if (events.Count > 0)
                {
                    var text = new StringBuilder();
                    foreach (var entry in events)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"id: {entry.Seq}\nevent: {entry.Type}\ndata: {entry.Body}\n\n");
                        cursor = entry.Seq;
                    }

                    await context.Response.WriteAsync(text.ToString(), aborted);
                    await context.Response.Body.FlushAsync(aborted);
                    continue;
                }

                if (await Task.WhenAny(wake, Task.Delay(TimeSpan.FromSeconds(15), aborted)) != wake)
                {
                    await context.Response.WriteAsync(": keep-alive\n\n", aborted);
                    await context.Response.Body.FlushAsync(aborted);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away.
        }
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(ProblemWriter.Create(StatusCodes.Status404NotFound, "Not found", "no operation with this id belongs to your party"));

    private static ProblemHttpResult Problem(OperationOutcome outcome) => outcome.Kind switch
    {
        OperationOutcomeKind.NotFound => NotFound(),
        OperationOutcomeKind.Forbidden => ProblemWriter.Forbidden(outcome.Errors[0].Message),
        OperationOutcomeKind.Closed => ProblemWriter.Conflict(outcome.Errors[0].Message),
        _ => TypedResults.Problem(ProblemWriter.Create(
            StatusCodes.Status400BadRequest,
            "Bad request",
            string.Join("; ", outcome.Errors.Take(5)),
            new Dictionary<string, object?>
            {
                ["pointer"] = outcome.Errors[0].Pointer,
                ["errors"] = outcome.Errors.Select(e => new ErrorItem(e.Pointer, e.Message)).ToList(),
            })),
    };
}
