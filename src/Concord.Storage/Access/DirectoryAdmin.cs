using Concord.Domain.Directory;
using Concord.Domain.Federation;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Storage.Audit;
using Concord.Storage.Directory;

namespace Concord.Storage.Access;

/// <summary>
/// Node administration — parties, channels, membership, members, keys — shared by the HTTP admin endpoints and
/// the CLI. Each change is audited; keys are returned once and stored only as hashes.
/// </summary>
public sealed class DirectoryAdmin(IConcordStore store)
{
    private readonly ActorResolver _actors = new(store);

    /// <summary>Adds a party (with a fresh STIX identity when none is given).</summary>
    public async Task<Party> AddPartyAsync(string actor, PartyId id, string name, string? country, PartyKind kind, StixId? identity, CancellationToken cancellationToken, NodeId? node = null)
    {
        if (id.Value == MemberId.NodeScope)
        {
            throw new DirectoryConflictException("'node' is reserved for node administrators");
        }

        var party = new Party(id, name, country, kind, identity ?? StixId.New("identity")) { Node = node };
        await store.Directory.AddPartyAsync(party, cancellationToken);
        await AuditAsync(actor, "party.add", id.Value, node is { } n ? $"kind={kind} node={n}" : $"kind={kind}", cancellationToken);
        return party;
    }

    /// <summary>Adds a channel with its first member parties.</summary>
    public async Task<Channel> AddChannelAsync(string actor, ChannelId id, string name, string? description, IEnumerable<PartyId> members, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        var channel = new Channel(id, name, description);
        var list = members.ToList();
        foreach (var party in list)
        {
            if (await store.Directory.GetPartyAsync(party, cancellationToken) is null)
            {
                throw new DirectoryConflictException($"party '{party}' does not exist");
            }
        }

        await store.Directory.AddChannelAsync(channel, cancellationToken);
        foreach (var party in list)
        {
            await store.Directory.AddChannelMemberAsync(id, party, cancellationToken);
        }

        await AuditAsync(actor, "channel.add", id.Value, $"members={string.Join(',', list)}", cancellationToken);
        return channel;
    }

    /// <summary>Adds a party to a channel.</summary>
    public async Task JoinChannelAsync(string actor, ChannelId channel, PartyId party, CancellationToken cancellationToken)
    {
        if (await store.Directory.GetChannelAsync(channel, cancellationToken) is null || await store.Directory.GetPartyAsync(party, cancellationToken) is null)
        {
            throw new DirectoryConflictException($"channel '{channel}' or party '{party}' does not exist");
        }

        await store.Directory.AddChannelMemberAsync(channel, party, cancellationToken);
        await AuditAsync(actor, "channel.join", channel.Value, $"party={party}", cancellationToken);
    }

    /// <summary>Removes a party from a channel.</summary>
    public async Task LeaveChannelAsync(string actor, ChannelId channel, PartyId party, CancellationToken cancellationToken)
    {
        await store.Directory.RemoveChannelMemberAsync(channel, party, cancellationToken);
        await AuditAsync(actor, "channel.leave", channel.Value, $"party={party}", cancellationToken);
    }

    /// <summary>Adds a member.</summary>
    public async Task<Member> AddMemberAsync(string actor, MemberId id, string displayName, MemberRole role, CancellationToken cancellationToken)
    {
        if (id.Party is { } party && await store.Directory.GetPartyAsync(party, cancellationToken) is null)
        {
            throw new DirectoryConflictException($"party '{party}' does not exist");
        }

        if (id.Party is null && role != MemberRole.Administrator)
        {
            throw new DirectoryConflictException("members @node are node administrators; other roles belong to a party");
        }

        var member = new Member(id, displayName, role);
        await store.Directory.AddMemberAsync(member, cancellationToken);
        await AuditAsync(actor, "member.add", id.ToString(), $"role={role}", cancellationToken);
        return member;
    }

    /// <summary>Creates an API key for a member; the token is returned once.</summary>
    public async Task<ApiKeyToken> CreateKeyAsync(string actor, MemberId member, CancellationToken cancellationToken)
    {
        if (await store.Directory.GetMemberAsync(member, cancellationToken) is null)
        {
            throw new DirectoryConflictException($"member '{member}' does not exist");
        }

        var token = await _actors.CreateKeyAsync(member, cancellationToken);
        await AuditAsync(actor, "key.create", member.ToString(), $"key={token.KeyId}", cancellationToken);
        return token;
    }

    /// <summary>Revokes a key; false when there is no such valid key.</summary>
    public async Task<bool> RevokeKeyAsync(string actor, string keyId, CancellationToken cancellationToken)
    {
        var revoked = await store.Directory.RevokeKeyAsync(keyId, DateTimeOffset.UtcNow, cancellationToken);
        await AuditAsync(actor, "key.revoke", keyId, $"revoked={revoked}", cancellationToken);
        return revoked;
    }

    private Task AuditAsync(string actor, string action, string target, string detail, CancellationToken cancellationToken) =>
        store.Audit.AppendAsync(new AuditRecord(DateTimeOffset.UtcNow, actor, null, action, target, null, detail), cancellationToken);
}
