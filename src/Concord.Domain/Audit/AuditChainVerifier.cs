using System.Globalization;
using System.Security.Cryptography;

namespace Concord.Domain.Audit;

/// <summary>Checks an audit chain one entry at a time, so a chain of any length is verified in constant memory.</summary>
public sealed class AuditChainVerifier
{
    private readonly AuditAnchor? _anchor;
    private byte[] _previous = AuditChain.Genesis.ToArray();

    /// <summary>A verifier of the chain from its first entry.</summary>
    public AuditChainVerifier()
    {
    }

    /// <summary>A verifier that also checks the chain passes through <paramref name="anchor"/> (see <see cref="Finish"/>).</summary>
    public AuditChainVerifier(AuditAnchor? anchor)
    {
        _anchor = anchor;
    }

    /// <summary>Entries checked so far.</summary>
    public long Count { get; private set; }

    /// <summary>The first break found, or null while the chain is intact.</summary>
    public string? Problem { get; private set; }

    /// <summary>The newest intact entry as an anchor to keep outside the node; null before the first entry.</summary>
    public AuditAnchor? Head => Count == 0 ? null : new AuditAnchor(Count, _previous);

    /// <summary>Checks the next entry (in sequence order); returns false once the chain is broken.</summary>
    public bool Check(AuditEntry entry, byte[] storedHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (Problem is not null)
        {
            return false;
        }

        var expected = Count + 1;
        if (entry.Sequence != expected)
        {
            Problem = string.Create(CultureInfo.InvariantCulture, $"entry {expected} is missing or out of order (found {entry.Sequence})");
            return false;
        }

        var hash = AuditChain.Hash(_previous, entry);
        if (!CryptographicOperations.FixedTimeEquals(hash, storedHash))
        {
            Problem = string.Create(CultureInfo.InvariantCulture, $"entry {entry.Sequence} does not match its hash: it or an earlier entry was altered");
            return false;
        }

        if (_anchor is { } anchor && anchor.Sequence == expected && !CryptographicOperations.FixedTimeEquals(hash, anchor.Hash))
        {
            Problem = string.Create(CultureInfo.InvariantCulture, $"entry {expected} does not match the anchor: the chain up to it was rewritten");
            return false;
        }

        _previous = hash;
        Count = expected;
        return true;
    }

    /// <summary>
    /// Call after the last entry: a chain that ends before the anchor's entry lost its newest entries. Returns
    /// false once the chain is broken.
    /// </summary>
    public bool Finish()
    {
        if (Problem is null && _anchor is { } anchor && Count < anchor.Sequence)
        {
            Problem = string.Create(CultureInfo.InvariantCulture, $"the chain ends at entry {Count} but the anchor names entry {anchor.Sequence}: entries were removed from its end");
        }

        return Problem is null;
    }
}
