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
        var canonical = CanonicalOf(distribution, grading);
        var buffer = ArrayPool<byte>.Shared.Rent(ContentLength + canonical.Length);
        try
        {
            hash[..ContentLength].CopyTo(buffer);
            canonical.CopyTo(buffer.AsSpan(ContentLength));
            SHA256.HashData(buffer.AsSpan(0, ContentLength + canonical.Length), hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        hash[..(Length - ContentLength)].CopyTo(digest.AsSpan(ContentLength));
        return digest;
    }

    /// <summary>
    /// The distribution written out, as UTF-8. An import gives every object the same distribution (and reuses one
    /// release object for a page that repeats it), so the last one written on this thread is kept and reused.
    /// </summary>
    private static byte[] CanonicalOf(Distribution distribution, Grading? grading)
    {
        if (LastCanonical is { } last && ReferenceEquals(last.Release, distribution.Release) && last.Originator == distribution.Originator
            && last.Tlp == distribution.Tlp && last.Handling == distribution.Handling && last.Grading == grading)
        {
            return last.Bytes;
        }

        var release = distribution.Release;
        // Unambiguous because no part can hold the separators: ids are slugs, the rest are fixed codes, and
        // Handling refuses control characters in purpose and restriction.
        var canonical = new StringBuilder(256)
            .Append('\0').Append(distribution.Originator.Value)
            .Append('\0').AppendJoin(',', Sorted(release.Parties.Select(p => p.Value)))
            .Append('\0').AppendJoin(',', Sorted(release.Channels.Select(c => c.Value)))
            .Append('\0').Append(distribution.Tlp is { } t ? Tlp.TokenOf(t) : "-")
            .Append('\0').AppendJoin(',', distribution.Handling.Codes())
            .Append('\0').Append(distribution.Handling.Purpose)
            .Append('\0').Append(distribution.Handling.Restriction)
            .Append('\0').Append(grading?.ToString())
            .ToString();
        var bytes = Encoding.UTF8.GetBytes(canonical);
        LastCanonical = new CanonicalDistribution(distribution.Originator, release, distribution.Tlp, distribution.Handling, grading, bytes);
        return bytes;
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
    private static CanonicalDistribution? LastCanonical;

    private sealed record CanonicalDistribution(PartyId Originator, Release Release, TlpLevel? Tlp, Handling Handling, Grading? Grading, byte[] Bytes);

    /// <summary>The length of a digest.</summary>
    public const int Length = 32;

    private const int ContentLength = 16;

    /// <summary>True when two digests were computed over the same JSON (whatever the distributions).</summary>
    public static bool SameContent(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) =>
        a.Length == Length && b.Length == Length && a[..ContentLength].SequenceEqual(b[..ContentLength]);
}
