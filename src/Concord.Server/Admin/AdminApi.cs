using Concord.Domain.Audit;
using Concord.Domain.Directory;
using Concord.Domain.Releasability;
using Concord.Server.Auth;
using Concord.Server.Directory;
using Concord.Server.Hosting;
using Concord.Server.Problems;
using Concord.Storage;
using Concord.Storage.Access;
using Concord.Storage.Audit;
using Concord.Storage.Directory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Concord.Server.Admin;

/// <summary>Node administration: parties, channels and their members, members, keys, and the audit check. Administrators only.</summary>
internal static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin")
            .RequireAuthorization(ConcordClaims.AdministratorPolicy)
            .WithMetadata(new NoStixDataAttribute())
            .WithTags("Administration")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/parties", ListPartiesAsync).WithName("AdminListParties");
        group.MapPost("/parties", AddPartyAsync).WithName("AdminAddParty");
        group.MapGet("/channels", ListChannelsAsync).WithName("AdminListChannels");
        group.MapPost("/channels", AddChannelAsync).WithName("AdminAddChannel");
        group.MapPost("/channels/{id}/members", JoinAsync).WithName("AdminAddChannelMember");
        group.MapDelete("/channels/{id}/members/{party}", LeaveAsync).WithName("AdminRemoveChannelMember");
        group.MapGet("/members", ListMembersAsync).WithName("AdminListMembers");
        group.MapPost("/members", AddMemberAsync).WithName("AdminAddMember");
        group.MapPost("/members/{id}/keys", CreateKeyAsync).WithName("AdminCreateKey");
        group.MapDelete("/keys/{keyId}", RevokeKeyAsync).WithName("AdminRevokeKey");
        group.MapGet("/audit/verify", VerifyAuditAsync).WithName("AdminVerifyAudit");
        return group;
    }

    private static async Task<Ok<IReadOnlyList<PartyView>>> ListPartiesAsync(HttpContext context, IConcordStore store)
    {
        var parties = await store.Directory.ListPartiesAsync(context.RequestAborted);
        return TypedResults.Ok<IReadOnlyList<PartyView>>(parties.Select(p => new PartyView(p.Id.Value, p.Name, p.Country, p.Kind.ToString(), p.IdentityId.ToString(), p.Node?.Value)).ToList());
    }

    private static async Task<Results<Created<PartyView>, ProblemHttpResult>> AddPartyAsync(AddPartyRequest request, HttpContext context, DirectoryAdmin admin)
    {
        if (!PartyId.TryParse(request.Id, out var id))
        {
            return ProblemWriter.BadRequest("id: 2-64 of a-z, 0-9 and '-'", "/id");
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            return ProblemWriter.BadRequest("name: required, at most 200 characters", "/name");
        }

        var kind = PartyKind.StateService;
        if (request.Kind is not null && !Enum.TryParse(request.Kind, ignoreCase: true, out kind))
        {
            return ProblemWriter.BadRequest("kind: StateService, InternationalOrganisation or Institute", "/kind");
        }

        if (request.Country is { } country && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
        {
            return ProblemWriter.BadRequest("country: an ISO 3166-1 alpha-2 code such as RU", "/country");
        }

        try
        {
            var party = await admin.AddPartyAsync(context.Actor().Member.ToString(), id, request.Name, request.Country, kind, null, context.RequestAborted);
            return TypedResults.Created($"/api/admin/parties/{id}", new PartyView(party.Id.Value, party.Name, party.Country, party.Kind.ToString(), party.IdentityId.ToString()));
        }
        catch (DirectoryConflictException ex)
        {
            return ProblemWriter.Conflict(ex.Message);
        }
    }

    private static async Task<Ok<IReadOnlyList<ChannelView>>> ListChannelsAsync(HttpContext context, IConcordStore store)
    {
        var channels = await store.Directory.ListChannelsAsync(context.RequestAborted);
        return TypedResults.Ok(await DirectoryApi.ChannelViewsAsync(store, channels.Select(c => c.Id), context.RequestAborted));
    }

    private static async Task<Results<Created<ChannelView>, ProblemHttpResult>> AddChannelAsync(AddChannelRequest request, HttpContext context, DirectoryAdmin admin)
    {
        if (!ChannelId.TryParse(request.Id, out var id))
        {
            return ProblemWriter.BadRequest("id: 2-64 of a-z, 0-9 and '-'", "/id");
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            return ProblemWriter.BadRequest("name: required, at most 200 characters", "/name");
        }

        var members = new List<PartyId>();
        for (var i = 0; i < (request.Members?.Count ?? 0); i++)
        {
            if (!PartyId.TryParse(request.Members![i], out var party))
            {
                return ProblemWriter.BadRequest("not a party id", $"/members/{i}");
            }

            members.Add(party);
        }

        try
        {
            var channel = await admin.AddChannelAsync(context.Actor().Member.ToString(), id, request.Name, request.Description, members, context.RequestAborted);
            return TypedResults.Created($"/api/admin/channels/{id}", new ChannelView(channel.Id.Value, channel.Name, channel.Description, members.Select(m => m.Value).ToList()));
        }
        catch (DirectoryConflictException ex)
        {
            return ProblemWriter.Conflict(ex.Message);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> JoinAsync(string id, ChannelMemberRequest request, HttpContext context, DirectoryAdmin admin)
    {
        if (!ChannelId.TryParse(id, out var channel) || !PartyId.TryParse(request.Party, out var party))
        {
            return ProblemWriter.BadRequest("a channel id in the path and a party id in the body are required", "/party");
        }

        try
        {
            await admin.JoinChannelAsync(context.Actor().Member.ToString(), channel, party, context.RequestAborted);
            return TypedResults.NoContent();
        }
        catch (DirectoryConflictException ex)
        {
            return ProblemWriter.Conflict(ex.Message);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> LeaveAsync(string id, string party, HttpContext context, DirectoryAdmin admin)
    {
        if (!ChannelId.TryParse(id, out var channel) || !PartyId.TryParse(party, out var partyId))
        {
            return ProblemWriter.BadRequest("a channel id and a party id are required in the path");
        }

        await admin.LeaveChannelAsync(context.Actor().Member.ToString(), channel, partyId, context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<MemberView>>> ListMembersAsync(HttpContext context, IConcordStore store)
    {
        PartyId? party = PartyId.TryParse(context.Request.Query["party"], out var p) ? p : null;
        var members = await store.Directory.ListMembersAsync(party, context.RequestAborted);
        return TypedResults.Ok<IReadOnlyList<MemberView>>(members.Select(m => new MemberView(m.Id.ToString(), m.DisplayName, m.Role.ToString(), m.Disabled)).ToList());
    }

    private static async Task<Results<Created<MemberView>, ProblemHttpResult>> AddMemberAsync(AddMemberRequest request, HttpContext context, DirectoryAdmin admin)
    {
        if (!MemberId.TryParse(request.Id, out var id))
        {
            return ProblemWriter.BadRequest("id: name@party, e.g. analyst@ru-fsb", "/id");
        }

        var role = MemberRole.Analyst;
        if (request.Role is not null && !Enum.TryParse(request.Role, ignoreCase: true, out role))
        {
            return ProblemWriter.BadRequest("role: Analyst, Liaison, DutyOfficer, Secretariat, Reader or Administrator", "/role");
        }

        try
        {
            var member = await admin.AddMemberAsync(context.Actor().Member.ToString(), id, request.DisplayName ?? id.Name, role, context.RequestAborted);
            return TypedResults.Created($"/api/admin/members/{id}", new MemberView(member.Id.ToString(), member.DisplayName, member.Role.ToString(), member.Disabled));
        }
        catch (DirectoryConflictException ex)
        {
            return ProblemWriter.Conflict(ex.Message);
        }
    }

    private static async Task<Results<Created<NewKeyResponse>, ProblemHttpResult>> CreateKeyAsync(string id, HttpContext context, DirectoryAdmin admin)
    {
        if (!MemberId.TryParse(id, out var member))
        {
            return ProblemWriter.BadRequest("id: name@party, e.g. analyst@ru-fsb", "id");
        }

        try
        {
            var token = await admin.CreateKeyAsync(context.Actor().Member.ToString(), member, context.RequestAborted);
            return TypedResults.Created($"/api/admin/keys/{token.KeyId}", new NewKeyResponse(member.ToString(), token.KeyId, token.Token));
        }
        catch (DirectoryConflictException ex)
        {
            return ProblemWriter.Conflict(ex.Message);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeKeyAsync(string keyId, HttpContext context, DirectoryAdmin admin)
    {
        var revoked = await admin.RevokeKeyAsync(context.Actor().Member.ToString(), keyId, context.RequestAborted);
        return revoked ? TypedResults.NoContent() : TypedResults.Problem(ProblemWriter.Create(StatusCodes.Status404NotFound, "Not found", "no valid key with this id"));
    }

    private static async Task<Results<Ok<AuditVerifyResponse>, ProblemHttpResult>> VerifyAuditAsync(HttpContext context, IConcordStore store, string? anchor = null)
    {
        AuditAnchor? expected = null;
        if (anchor is not null)
        {
            if (!AuditAnchor.TryParse(anchor, out var parsed, out var error))
            {
                return ProblemWriter.BadRequest(error, "anchor");
            }

            expected = parsed;
        }

        var (entries, head, problem) = await AuditVerification.VerifyAsync(store.Audit, expected, context.RequestAborted);
        return TypedResults.Ok(new AuditVerifyResponse(problem is null, entries, head?.ToString(), problem));
    }
}
