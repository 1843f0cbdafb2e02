using Concord.Domain.Releasability;
using Concord.Server.Auth;
using Concord.Server.Hosting;
using Concord.Server.Problems;
using Concord.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Concord.Server.Releases;

/// <summary>
/// <c>POST /api/releases/preview</c>: before anything is sent, exactly which parties a release would reach —
/// each named party directly, and every member of each channel (channels the caller is in, whose membership
/// it may know). Channels it is not in are refused as unknown, as they are when releasing.
/// </summary>
internal static class ReleasePreviewApi
{
    public static RouteGroupBuilder MapReleasePreviewApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/releases")
            .RequireAuthorization(ConcordClaims.PartyMemberPolicy)
            .WithMetadata(new NoStixDataAttribute())
            .WithTags("Releases");
        group.MapPost("/preview", PreviewAsync).WithName("PreviewRelease").WithSummary("Which parties a release to these channels and parties would reach.");
        return group;
    }

    private static async Task<Results<Ok<ReleasePreview>, ProblemHttpResult>> PreviewAsync(ReleasePreviewRequest request, HttpContext context, IConcordStore store)
    {
        var reader = context.Actor().RequireReader();
        var cancellationToken = context.RequestAborted;
        var parties = (await store.Directory.ListPartiesAsync(cancellationToken)).ToDictionary(p => p.Id);
        var via = new Dictionary<PartyId, SortedSet<string>>();
        var channels = request.Channels ?? [];
        for (var i = 0; i < channels.Count; i++)
        {
            if (!ChannelId.TryParse(channels[i], out var channel) || !reader.Channels.Contains(channel))
            {
                return ProblemWriter.BadRequest("not one of your party's channels", $"/channels/{i}");
            }

            foreach (var member in await store.Directory.ListChannelMembersAsync(channel, cancellationToken))
            {
                Via(member, channel.Value);
            }
        }

        var direct = request.Parties ?? [];
        for (var i = 0; i < direct.Count; i++)
        {
            if (!PartyId.TryParse(direct[i], out var party) || !parties.ContainsKey(party))
            {
                return ProblemWriter.BadRequest("no party with this id on the node", $"/parties/{i}");
            }

            Via(party, "direct");
        }

        var recipients = via
            .Where(r => r.Key != reader.Party)
            .OrderBy(r => r.Key.Value, StringComparer.Ordinal)
            .Select(r => new PreviewRecipient(r.Key.Value, parties.TryGetValue(r.Key, out var p) ? p.Name : r.Key.Value, p?.Country, r.Value.ToList()))
            .ToList();
        return TypedResults.Ok(new ReleasePreview(recipients));

        void Via(PartyId party, string how)
        {
            if (!via.TryGetValue(party, out var set))
            {
                via[party] = set = new SortedSet<string>(StringComparer.Ordinal);
            }

            set.Add(how);
        }
    }
}
