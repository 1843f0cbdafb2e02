using Concord.Domain.Deconfliction;
using Concord.Domain.Directory;
using Concord.Domain.Releasability;

namespace Concord.Storage.Deconfliction;

/// <summary>One stored operation version: its metadata and its plan in the JSON form of <see cref="OperationPlanWriter"/>.</summary>
/// <param name="Seq">The store's change order.</param>
/// <param name="Id">The operation.</param>
/// <param name="Version">1, 2, …</param>
/// <param name="Party">The owner.</param>
/// <param name="RecordedBy">Who made this version.</param>
/// <param name="Recorded">When.</param>
/// <param name="Status">Active, cancelled, completed.</param>
/// <param name="Plan">The plan, JSON.</param>
public sealed record OperationRow(long Seq, OperationId Id, int Version, PartyId Party, MemberId RecordedBy, DateTimeOffset Recorded, OperationStatus Status, string Plan);

/// <summary>Where a conflict stands.</summary>
public enum ConflictState
{
    /// <summary>Found; not yet acknowledged by both sides.</summary>
    Open,

    /// <summary>Both sides have acknowledged it.</summary>
    Acknowledged,

    /// <summary>Raised to supervisors by one side; stays so until resolved.</summary>
    Escalated,

    /// <summary>Resolved: one side moved, shortened or cancelled, or the overlap went away.</summary>
    Resolved,
}

/// <summary>
/// A stored conflict: the two operations, each side's notice as disclosed (JSON of <see cref="ConflictNotice"/>;
/// <see cref="NoticeB"/> is null for an internal note), and the workflow state.
/// </summary>
/// <param name="Id">The conflict's id.</param>
/// <param name="OperationA">The operation whose registration or amendment found it.</param>
/// <param name="PartyA">Its owner.</param>
/// <param name="OperationB">The other operation.</param>
/// <param name="PartyB">Its owner.</param>
/// <param name="State">Workflow state.</param>
/// <param name="Detected">When found.</param>
/// <param name="Updated">Last change.</param>
/// <param name="NoticeA">What side A is told.</param>
/// <param name="NoticeB">What side B is told (null for an internal note).</param>
/// <param name="AckA">When side A acknowledged.</param>
/// <param name="AckB">When side B acknowledged.</param>
/// <param name="Resolution">How it was resolved.</param>
public sealed record ConflictRow(
    string Id,
    OperationId OperationA,
    PartyId PartyA,
    OperationId OperationB,
    PartyId PartyB,
    ConflictState State,
    DateTimeOffset Detected,
    DateTimeOffset Updated,
    string NoticeA,
    string? NoticeB,
    DateTimeOffset? AckA,
    DateTimeOffset? AckB,
    string? Resolution)
{
    /// <summary>True for a conflict between two operations of one party.</summary>
    public bool Internal => NoticeB is null;

    /// <summary>True when <paramref name="party"/> is a side of it.</summary>
    public bool Concerns(PartyId party) => PartyA == party || PartyB == party;

    /// <summary>True while it still needs attention.</summary>
    public bool IsOpen => State is ConflictState.Open or ConflictState.Escalated;
}

/// <summary>One entry of a party's notice feed (server-sent events and webhooks): a conflict found, changed, acknowledged, escalated or resolved.</summary>
/// <param name="Seq">Feed order, node-wide.</param>
/// <param name="Party">The party it is for.</param>
/// <param name="ConflictId">The conflict.</param>
/// <param name="Type">conflict, updated, acknowledged, escalated, resolved.</param>
/// <param name="At">When.</param>
/// <param name="Body">The party's notice as it stood then, JSON.</param>
public sealed record OperationEvent(long Seq, PartyId Party, string ConflictId, string Type, DateTimeOffset At, string Body);

/// <summary>Where a party wants its notices posted, and the shared secret that signs them.</summary>
/// <param name="Party">The party.</param>
/// <param name="Url">An http(s) URL.</param>
/// <param name="Secret">The HMAC-SHA256 key.</param>
public sealed record WebhookTarget(PartyId Party, Uri Url, string Secret);
