using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Concord.Domain.Audit;

/// <summary>
/// The hash chain over audit entries: each entry's hash covers the previous hash and every field of the
/// entry, so editing, deleting, inserting or reordering any entry breaks every hash after it.
/// </summary>
public static class AuditChain
{
    /// <summary>The hash before the first entry.</summary>
    public static ReadOnlySpan<byte> Genesis => new byte[32];

    /// <summary>The hash of <paramref name="entry"/> following <paramref name="previous"/>.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> previous, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previous);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, entry.Sequence);
        hash.AppendData(number);
        BinaryPrimitives.WriteInt64BigEndian(number, entry.At.UtcTicks);
        hash.AppendData(number);
        foreach (var field in new[] { entry.Actor, entry.Party, entry.Action, entry.Target, entry.Purpose, entry.Detail })
        {
            // Length-prefixed, with -1 for null, so no two different entries serialise alike.
            var bytes = field is null ? [] : Encoding.UTF8.GetBytes(field);
            BinaryPrimitives.WriteInt32BigEndian(number, field is null ? -1 : bytes.Length);
            hash.AppendData(number[..4]);
            hash.AppendData(bytes);
        }

        return hash.GetHashAndReset();
    }

    /// <summary>
    /// Checks a chain read in sequence order. Returns null when intact, otherwise a sentence naming the first
    /// entry where it breaks.
    /// </summary>
    public static string? Verify(IEnumerable<(AuditEntry Entry, byte[] StoredHash)> chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var verifier = new AuditChainVerifier();
        foreach (var (entry, stored) in chain)
        {
            if (!verifier.Check(entry, stored))
            {
                break;
            }
        }

        return verifier.Problem;
    }
}
