using Concord.Domain.Directory;

namespace Concord.Storage.Directory;

/// <summary>An API key as stored: its public id, whose it is, and the hash of the token.</summary>
/// <param name="KeyId">The public key id.</param>
/// <param name="Member">The member it authenticates.</param>
/// <param name="Hash">SHA-256 of the token.</param>
/// <param name="Created">When it was made.</param>
/// <param name="Revoked">When it was revoked, or null while valid.</param>
public sealed record StoredKey(string KeyId, MemberId Member, byte[] Hash, DateTimeOffset Created, DateTimeOffset? Revoked);
