using Concord.Domain.Audit;

namespace Concord.Storage.Audit;

/// <summary>The append-only, hash-chained audit log.</summary>
public interface IAuditLog
{
    /// <summary>Appends an entry; the store assigns its sequence number and chains its hash.</summary>
    Task AppendAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>Every entry with its stored hash, in sequence order.</summary>
    IAsyncEnumerable<(AuditEntry Entry, byte[] Hash)> ReadAllAsync(CancellationToken cancellationToken);
}
