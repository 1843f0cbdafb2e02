using System.Security.Cryptography;
using System.Text;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;

namespace Concord.Domain.Versioning;

/// <summary>
/// A 32-byte digest of a version: the first 16 bytes digest its JSON alone (so two parties' copies of the same
/// content can be recognised), the last 16 its JSON and distribution together (originator, release, TLP,
/// caveats, grading). Two arrivals of the same version are the same exactly when their whole digests are.
/// </summary>
public static class VersionDigest
{
    /// <summary>Computes the digest.</summary>
    public static byte[] Compute(ReadOnlySpan<byte> json, Distribution distribution, Grading? grading)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        var digest = new byte[Length];
        SHA256.HashData(json)[..ContentLength].CopyTo(digest, 0);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(json);
        var release = distribution.Release;
        // Unambiguous because no part can hold the separators: ids are slugs, the rest are fixed codes, and
        // Handling refuses control characters in purpose and restriction.
        var canonical = new StringBuilder()
            .Append('\0').Append(distribution.Originator.Value)
            .Append('\0').AppendJoin(',', release.Parties.Select(p => p.Value).Order(StringComparer.Ordinal))
            .Append('\0').AppendJoin(',', release.Channels.Select(c => c.Value).Order(StringComparer.Ordinal))
            .Append('\0').Append(distribution.Tlp is { } t ? Tlp.TokenOf(t) : "-")
            .Append('\0').AppendJoin(',', distribution.Handling.Codes())
            .Append('\0').Append(distribution.Handling.Purpose)
            .Append('\0').Append(distribution.Handling.Restriction)
            .Append('\0').Append(grading?.ToString());
        hash.AppendData(Encoding.UTF8.GetBytes(canonical.ToString()));
        hash.GetHashAndReset()[..(Length - ContentLength)].CopyTo(digest, ContentLength);
        return digest;
    }

    /// <summary>The length of a digest.</summary>
    public const int Length = 32;

    private const int ContentLength = 16;

    /// <summary>True when two digests were computed over the same JSON (whatever the distributions).</summary>
    public static bool SameContent(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) =>
        a.Length == Length && b.Length == Length && a[..ContentLength].SequenceEqual(b[..ContentLength]);
}
