namespace Concord.Domain.Deconfliction;

/// <summary>
/// What one party is told of a conflict, and nothing more: that it exists, which of its own operations it
/// concerns, the shared time span (rounded outward), a coarse area (a grid-snapped box), and how to reach the
/// other side's duty officer. The other side's party and kind appear only when it chose to reveal them; its
/// operation's id, exact area and exact times never do. An internal note (both operations the recipient's own)
/// also names the other operation.
/// </summary>
/// <param name="Recipient">The party told.</param>
/// <param name="Operation">The recipient's own operation concerned.</param>
/// <param name="From">Start of the shared span, rounded down.</param>
/// <param name="Until">End of the shared span, rounded up.</param>
/// <param name="Area">Coarse area: the overlap's box snapped outward to the grid.</param>
/// <param name="Contact">The other side's duty contact.</param>
/// <param name="CounterpartParty">The other side's party, only if it chose to reveal it (always, for an internal note).</param>
/// <param name="CounterpartKind">The other operation's kind, only if its owner chose to reveal it (always, for an internal note).</param>
/// <param name="Internal">True when both operations are the recipient's.</param>
/// <param name="CounterpartOperation">The other operation, for internal notes only.</param>
public sealed record ConflictNotice(
    Releasability.PartyId Recipient,
    OperationId Operation,
    DateTimeOffset From,
    DateTimeOffset Until,
    LonLatBox Area,
    CounterpartContact Contact,
    Releasability.PartyId? CounterpartParty,
    OperationKind? CounterpartKind,
    bool Internal,
    OperationId? CounterpartOperation);
