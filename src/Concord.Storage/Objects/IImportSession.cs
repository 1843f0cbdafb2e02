using Concord.Domain.Versioning;

namespace Concord.Storage.Objects;

/// <summary>
/// A write session for importing. Each batch is one transaction unless the session is all-or-nothing, in
/// which case nothing is visible until <see cref="CommitAsync"/> and disposing without commit discards all.
/// </summary>
public interface IImportSession : IAsyncDisposable
{
    /// <summary>Writes a batch and returns the verdict for each record, in order.</summary>
    Task<IReadOnlyList<VersionVerdict>> WriteAsync(IReadOnlyList<VersionRecord> batch, CancellationToken cancellationToken);

    /// <summary>Makes everything written durable.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}
