using Concord.Domain.Audit;

namespace Concord.Storage.Audit;

/// <summary>Verifies a store's whole audit chain, streamed.</summary>
public static class AuditVerification
{
    /// <summary>Checks every entry; returns how many were intact and the first break, if any.</summary>
    public static async Task<(long Entries, string? Problem)> VerifyAsync(IAuditLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var verifier = new AuditChainVerifier();
        await foreach (var (entry, hash) in log.ReadAllAsync(cancellationToken))
        {
            if (!verifier.Check(entry, hash))
            {
                break;
            }
        }

        return (verifier.Count, verifier.Problem);
    }
}
