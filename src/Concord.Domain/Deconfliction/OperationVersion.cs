using Concord.Domain.Directory;
using Concord.Domain.Releasability;

namespace Concord.Domain.Deconfliction;

/// <summary>
/// One version of an operation. Registration makes version 1; each amendment, cancellation or completion makes
/// the next, so the history is kept whole. Only the owning party ever reads it.
/// </summary>
/// <param name="Id">The operation.</param>
/// <param name="Version">1, 2, …</param>
/// <param name="Party">The owning party.</param>
/// <param name="RecordedBy">The member who made this version.</param>
/// <param name="Recorded">When, UTC.</param>
/// <param name="Status">Active, cancelled or completed.</param>
/// <param name="Plan">What, where, when.</param>
public sealed record OperationVersion(
    OperationId Id,
    int Version,
    PartyId Party,
    MemberId RecordedBy,
    DateTimeOffset Recorded,
    OperationStatus Status,
    OperationPlan Plan)
{
    /// <summary>True when the version takes part in deconfliction.</summary>
    public bool IsActive => Status == OperationStatus.Active;
}
