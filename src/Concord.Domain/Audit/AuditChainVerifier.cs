using System.Globalization;
using System.Security.Cryptography;

namespace Concord.Domain.Audit;

/// <summary>Checks an audit chain one entry at a time, so a chain of any length is verified in constant memory.</summary>
public sealed class AuditChainVerifier
{
    private byte[] _previous = AuditChain.Genesis.ToArray();

    /// <summary>Entries checked so far.</summary>
    public long Count { get; private set; }

    /// <summary>The first break found, or null while the chain is intact.</summary>
    public string? Problem { get; private set; }

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

        _previous = hash;
        Count = expected;
        return true;
    }
}
