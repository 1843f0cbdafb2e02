using Concord.Domain.Directory;
using Concord.Domain.Releasability;

namespace Concord.Storage.Directory;

/// <summary>Parties, channels, channel membership, members and API keys of a node.</summary>
public interface IDirectoryStore
{
    /// <summary>Adds a party; throws <see cref="DirectoryConflictException"/> when the id or identity is taken.</summary>
    Task AddPartyAsync(Party party, CancellationToken cancellationToken);

    /// <summary>A party, or null.</summary>
    Task<Party?> GetPartyAsync(PartyId id, CancellationToken cancellationToken);

    /// <summary>All parties on the node.</summary>
    Task<IReadOnlyList<Party>> ListPartiesAsync(CancellationToken cancellationToken);

    /// <summary>Adds a channel; throws <see cref="DirectoryConflictException"/> when the id is taken.</summary>
    Task AddChannelAsync(Channel channel, CancellationToken cancellationToken);

    /// <summary>A channel, or null. Callers must check the asker may know of it.</summary>
    Task<Channel?> GetChannelAsync(ChannelId id, CancellationToken cancellationToken);

    /// <summary>All channels (for node administration only).</summary>
    Task<IReadOnlyList<Channel>> ListChannelsAsync(CancellationToken cancellationToken);

    /// <summary>Makes a party a member of a channel (idempotent).</summary>
    Task AddChannelMemberAsync(ChannelId channel, PartyId party, CancellationToken cancellationToken);

    /// <summary>Removes a party from a channel.</summary>
    Task RemoveChannelMemberAsync(ChannelId channel, PartyId party, CancellationToken cancellationToken);

    /// <summary>The member parties of a channel.</summary>
    Task<IReadOnlyList<PartyId>> ListChannelMembersAsync(ChannelId channel, CancellationToken cancellationToken);

    /// <summary>The channels a party is a member of.</summary>
    Task<IReadOnlyList<ChannelId>> ListChannelsOfAsync(PartyId party, CancellationToken cancellationToken);

    /// <summary>Adds a member; throws <see cref="DirectoryConflictException"/> when the id is taken or the party unknown.</summary>
    Task AddMemberAsync(Member member, CancellationToken cancellationToken);

    /// <summary>A member, or null.</summary>
    Task<Member?> GetMemberAsync(MemberId id, CancellationToken cancellationToken);

    /// <summary>Members, of one party or (null) of the whole node.</summary>
    Task<IReadOnlyList<Member>> ListMembersAsync(PartyId? party, CancellationToken cancellationToken);

    /// <summary>Disables or re-enables a member.</summary>
    Task SetMemberDisabledAsync(MemberId id, bool disabled, CancellationToken cancellationToken);

    /// <summary>Stores a key.</summary>
    Task AddKeyAsync(StoredKey key, CancellationToken cancellationToken);

    /// <summary>A key by its public id, or null.</summary>
    Task<StoredKey?> FindKeyAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>The keys of a member.</summary>
    Task<IReadOnlyList<StoredKey>> ListKeysAsync(MemberId member, CancellationToken cancellationToken);

    /// <summary>Revokes a key; false when there is no such valid key.</summary>
    Task<bool> RevokeKeyAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken);
}
