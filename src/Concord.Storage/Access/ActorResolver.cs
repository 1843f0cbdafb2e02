using Concord.Domain.Directory;
using Concord.Domain.Releasability;
using Concord.Storage.Directory;

namespace Concord.Storage.Access;

/// <summary>Turns a member id or a presented API key into an <see cref="Actor"/>.</summary>
public sealed class ActorResolver(IConcordStore store)
{
    /// <summary>The actor for a member, or null when the member does not exist or is disabled.</summary>
    public async Task<Actor?> ResolveAsync(MemberId id, CancellationToken cancellationToken)
    {
        var member = await store.Directory.GetMemberAsync(id, cancellationToken);
        if (member is null || member.Disabled)
        {
            return null;
        }

        Reader? reader = null;
        if (id.Party is { } party)
        {
            var channels = await store.Directory.ListChannelsOfAsync(party, cancellationToken);
            reader = new Reader(party, channels);
        }

        return new Actor(member.Id, member.Role, reader);
    }

    /// <summary>
    /// The actor a presented API key stands for, or null when the token is malformed, unknown, revoked, or
    /// its hash does not match (compared in constant time). The caller learns nothing about which.
    /// </summary>
    public async Task<Actor?> AuthenticateAsync(string? token, CancellationToken cancellationToken)
    {
        if (!ApiKeyToken.TryParse(token, out var presented))
        {
            return null;
        }

        var stored = await store.Directory.FindKeyAsync(presented.KeyId, cancellationToken);
        if (stored is null)
        {
            // Spend the same hashing work as a real comparison, so timing does not tell a known key id apart.
            _ = presented.Matches(new byte[32]);
            return null;
        }

        if (!presented.Matches(stored.Hash) || stored.Revoked is not null)
        {
            return null;
        }

        return await ResolveAsync(stored.Member, cancellationToken);
    }

    /// <summary>Makes a new key for a member, stores its hash and returns the token (shown once).</summary>
    public async Task<ApiKeyToken> CreateKeyAsync(MemberId member, CancellationToken cancellationToken)
    {
        var token = ApiKeyToken.Generate();
        await store.Directory.AddKeyAsync(new StoredKey(token.KeyId, member, token.Hash(), DateTimeOffset.UtcNow, null), cancellationToken);
        return token;
    }
}
