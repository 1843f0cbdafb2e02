using System.Security.Cryptography;
using System.Text;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;

namespace Concord.Domain.Versioning;

/// <summary>
/// A 16-byte digest of a version's JSON and its distribution (originator, release, TLP, caveats, grading): two
/// arrivals of the same version are the same exactly when their digests are.
/// </summary>
public static class VersionDigest
{
    /// <summary>Computes the digest.</summary>
    public static byte[] Compute(ReadOnlySpan<byte> json, Distribution distribution, Grading? grading)
    {
        ArgumentNullException.ThrowIfNull(distribution);
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
        return hash.GetHashAndReset()[..16];
    }
}
