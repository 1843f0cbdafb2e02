using Concord.Domain.Directory;
using Concord.Domain.Stix;

namespace Concord.Storage.Inbox;

/// <summary>
/// Which object versions a member has marked read in its inbox. Marks belong to the member alone and hold only
/// ids and version keys it was shown; they decide nothing about who reads what.
/// </summary>
public interface IReadMarkStore
{
    /// <summary>Of the given versions, those the member has marked read, and when it last marked everything read.</summary>
    Task<ReadMarks> GetAsync(MemberId member, IReadOnlyCollection<ObjectVersionKey> versions, CancellationToken cancellationToken);

    /// <summary>Marks versions read (idempotent).</summary>
    Task MarkAsync(MemberId member, IReadOnlyCollection<ObjectVersionKey> versions, CancellationToken cancellationToken);

    /// <summary>Marks everything stored up to <paramref name="at"/> read.</summary>
    Task MarkAllAsync(MemberId member, DateTimeOffset at, CancellationToken cancellationToken);
}
