using Concord.Domain.Releasability;
using Concord.Server.Auth;
using Concord.Server.Hosting;
using Concord.Server.Problems;
using Concord.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Concord.Server.Directory;

/// <summary>
/// What a member may know of the directory: itself, the parties of the node, and the channels its party is a
/// member of (with their members). Channels it is not in do not exist for it.
/// </summary>
internal static class DirectoryApi
{
    public static RouteGroupBuilder MapDirectoryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").RequireAuthorization().WithMetadata(new NoStixDataAttribute()).WithTags("Directory");
        group.MapGet("/me", MeAsync).WithName("Me").WithSummary("The calling member, its party and its channels.");
        group.MapGet("/parties", PartiesAsync).WithName("ListParties").WithSummary("The parties hosted on this node.");
        group.MapGet("/channels", ChannelsAsync).RequireAuthorization(ConcordClaims.PartyMemberPolicy).WithName("ListMyChannels").WithSummary("The channels your party is a member of.");
        group.MapGet("/channels/{id}", ChannelAsync).RequireAuthorization(ConcordClaims.PartyMemberPolicy).WithName("GetMyChannel").WithSummary("One of your party's channels, with its members.");
        return group;
    }

    private static async Task<Ok<MeView>> MeAsync(HttpContext context, IConcordStore store)
    {
        var actor = context.Actor();
        var channels = actor.Reader is { } reader ? await ChannelViewsAsync(store, reader.Channels, context.RequestAborted) : [];
        return TypedResults.Ok(new MeView(actor.Member.ToString(), actor.Role.ToString(), actor.Party?.Value, channels));
    }

    private static async Task<Ok<IReadOnlyList<PartyView>>> PartiesAsync(HttpContext context, IConcordStore store)
    {
        var parties = await store.Directory.ListPartiesAsync(context.RequestAborted);
        return TypedResults.Ok<IReadOnlyList<PartyView>>(parties.Select(p => new PartyView(p.Id.Value, p.Name, p.Country, p.Kind.ToString(), p.IdentityId.ToString(), p.Node?.Value)).ToList());
    }

    private static async Task<Ok<IReadOnlyList<ChannelView>>> ChannelsAsync(HttpContext context, IConcordStore store)
    {
        var reader = context.Actor().RequireReader();
        return TypedResults.Ok(await ChannelViewsAsync(store, reader.Channels, context.RequestAborted));
    }

    private static async Task<Results<Ok<ChannelView>, ProblemHttpResult>> ChannelAsync(string id, HttpContext context, IConcordStore store)
    {
        var reader = context.Actor().RequireReader();
        if (!ChannelId.TryParse(id, out var channel) || !reader.Channels.Contains(channel))
        {
            return TypedResults.Problem(ProblemWriter.Create(StatusCodes.Status404NotFound, "Not found", "no channel with this id is available to your party"));
        }

        var views = await ChannelViewsAsync(store, [channel], context.RequestAborted);
        return TypedResults.Ok(views[0]);
    }

    internal static async Task<IReadOnlyList<ChannelView>> ChannelViewsAsync(IConcordStore store, IEnumerable<ChannelId> channels, CancellationToken cancellationToken)
    {
        var views = new List<ChannelView>();
        foreach (var id in channels.OrderBy(c => c.Value, StringComparer.Ordinal))
        {
            var channel = await store.Directory.GetChannelAsync(id, cancellationToken);
            if (channel is null)
            {
                continue;
            }

            var members = await store.Directory.ListChannelMembersAsync(id, cancellationToken);
            views.Add(new ChannelView(id.Value, channel.Name, channel.Description, members.Select(m => m.Value).ToList()));
        }

        return views;
    }
}
