using Concord.Domain.Audit;

namespace Concord.Storage.Audit;

/// <summary>Verifies a store's whole audit chain, streamed.</summary>
public static class AuditVerification
{
    /// <summary>
    /// Checks every entry, and that the chain passes through <paramref name="anchor"/> when one is given; returns
    /// how many were intact, the newest intact entry as an anchor, and the first break, if any.
    /// </summary>
    public static async Task<(long Entries, AuditAnchor? Head, string? Problem)> VerifyAsync(IAuditLog log, AuditAnchor? anchor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var verifier = new AuditChainVerifier(anchor);
        await foreach (var (entry, hash) in log.ReadAllAsync(cancellationToken))
        {
            if (!verifier.Check(entry, hash))
            {
                break;
            }
        }

        verifier.Finish();
        return (verifier.Count, verifier.Head, verifier.Problem);
    }
}
