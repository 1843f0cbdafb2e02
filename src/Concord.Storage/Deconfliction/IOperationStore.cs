using Concord.Domain.Deconfliction;
using Concord.Domain.Releasability;

namespace Concord.Storage.Deconfliction;

/// <summary>
/// Operations, their conflicts and the notice feed. Every read takes the party first: a party reads only its
/// own operations and the conflicts it is a side of. Operations never appear in object reads. Writes go
/// through <see cref="InTransactionAsync{T}"/>, which serialises them node-wide (across processes too), so a
/// check and the insert it allows are one step even when two registrations race.
/// </summary>
public interface IOperationStore
{
    /// <summary>The in-memory index of active operations this store instance keeps, caught up inside each transaction.</summary>
    OperationIndexCache Cache { get; }

    /// <summary>Runs <paramref name="work"/> in one transaction holding the node's deconfliction lock; commits when it returns.</summary>
    Task<T> InTransactionAsync<T>(Func<IOperationTransaction, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>The latest version of each of the party's operations.</summary>
    Task<IReadOnlyList<OperationRow>> ListAsync(PartyId party, CancellationToken cancellationToken);

    /// <summary>Every version of one of the party's operations, oldest first (empty when it is not the party's).</summary>
    Task<IReadOnlyList<OperationRow>> HistoryAsync(PartyId party, OperationId id, CancellationToken cancellationToken);

    /// <summary>The conflicts the party is a side of, newest first.</summary>
    Task<IReadOnlyList<ConflictRow>> ConflictsAsync(PartyId party, CancellationToken cancellationToken);

    /// <summary>The party's feed after <paramref name="after"/>, oldest first.</summary>
    Task<IReadOnlyList<OperationEvent>> EventsAsync(PartyId party, long after, int limit, CancellationToken cancellationToken);

    /// <summary>The whole node's feed after <paramref name="after"/>, for the node's own notice dispatcher only.</summary>
    Task<IReadOnlyList<OperationEvent>> AllEventsAsync(long after, int limit, CancellationToken cancellationToken);

    /// <summary>The last feed entry's sequence number (0 when empty).</summary>
    Task<long> LastEventAsync(CancellationToken cancellationToken);

    /// <summary>Sets (or, with null, removes) the party's webhook.</summary>
    Task SetWebhookAsync(PartyId party, WebhookTarget? target, CancellationToken cancellationToken);

    /// <summary>The party's webhook, or null.</summary>
    Task<WebhookTarget?> WebhookAsync(PartyId party, CancellationToken cancellationToken);
}

/// <summary>The writes and the reads they depend on, inside one serialised transaction.</summary>
public interface IOperationTransaction
{
    /// <summary>Every version stored after <paramref name="seq"/>, in order (to catch an index up).</summary>
    Task<IReadOnlyList<OperationRow>> VersionsAfterAsync(long seq);

    /// <summary>The latest version of an operation, whoever owns it, or null.</summary>
    Task<OperationRow?> LatestAsync(OperationId id);

    /// <summary>Stores a version; returns its sequence number.</summary>
    Task<long> AddVersionAsync(OperationVersion version, string plan);

    /// <summary>A conflict by id, or null.</summary>
    Task<ConflictRow?> ConflictAsync(string id);

    /// <summary>The open or escalated conflicts an operation is a side of.</summary>
    Task<IReadOnlyList<ConflictRow>> OpenConflictsAsync(OperationId id);

    /// <summary>Stores a new conflict.</summary>
    Task AddConflictAsync(ConflictRow conflict);

    /// <summary>Stores a conflict's new state, notices and acknowledgements.</summary>
    Task UpdateConflictAsync(ConflictRow conflict);

    /// <summary>Appends to a party's feed.</summary>
    Task AddEventAsync(PartyId party, string conflictId, string type, DateTimeOffset at, string body);
}
