using System.Buffers;
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
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(json, hash);
        hash[..ContentLength].CopyTo(digest);

        // The whole digest covers the content digest and the distribution, so the JSON is hashed once.
        var release = distribution.Release;
        // Unambiguous because no part can hold the separators: ids are slugs, the rest are fixed codes, and
        // Handling refuses control characters in purpose and restriction.
        var canonical = (Canonical ??= new StringBuilder(256)).Clear()
            .Append('\0').Append(distribution.Originator.Value)
            .Append('\0').AppendJoin(',', Sorted(release.Parties.Select(p => p.Value)))
            .Append('\0').AppendJoin(',', Sorted(release.Channels.Select(c => c.Value)))
            .Append('\0').Append(distribution.Tlp is { } t ? Tlp.TokenOf(t) : "-")
            .Append('\0').AppendJoin(',', distribution.Handling.Codes())
            .Append('\0').Append(distribution.Handling.Purpose)
            .Append('\0').Append(distribution.Handling.Restriction)
            .Append('\0').Append(grading?.ToString())
            .ToString();
        var buffer = ArrayPool<byte>.Shared.Rent(ContentLength + Encoding.UTF8.GetMaxByteCount(canonical.Length));
        try
        {
            hash[..ContentLength].CopyTo(buffer);
            var written = Encoding.UTF8.GetBytes(canonical, buffer.AsSpan(ContentLength));
            SHA256.HashData(buffer.AsSpan(0, ContentLength + written), hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        hash[..(Length - ContentLength)].CopyTo(digest.AsSpan(ContentLength));
        return digest;
    }

    private static string[] Sorted(IEnumerable<string> values)
    {
        var array = values.ToArray();
        if (array.Length > 1)
        {
            Array.Sort(array, StringComparer.Ordinal);
        }

        return array;
    }

    [ThreadStatic]
    private static StringBuilder? Canonical;

    /// <summary>The length of a digest.</summary>
    public const int Length = 32;

    private const int ContentLength = 16;

    /// <summary>True when two digests were computed over the same JSON (whatever the distributions).</summary>
    public static bool SameContent(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) =>
        a.Length == Length && b.Length == Length && a[..ContentLength].SequenceEqual(b[..ContentLength]);
}
