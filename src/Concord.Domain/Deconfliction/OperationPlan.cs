namespace Concord.Domain.Deconfliction;

/// <summary>
/// What a party registers: the kind of operation, where, when, at what altitude, how sensitive, whom to call,
/// and what (beyond the minimum) it agrees to reveal to the other side of a conflict.
/// </summary>
/// <param name="Kind">What the operation is.</param>
/// <param name="Area">Where.</param>
/// <param name="Window">When (UTC, with a margin).</param>
/// <param name="Altitude">Altitude band, or null for every altitude.</param>
/// <param name="Sensitivity">How coarse disclosed areas must be.</param>
/// <param name="Contact">The duty contact for this operation.</param>
/// <param name="Reveal">What the owner agrees to reveal in conflict notices.</param>
/// <param name="Reference">The owner's own reference (shown only to the owner).</param>
public sealed record OperationPlan(
    OperationKind Kind,
    Area Area,
    TimeWindow Window,
    AltitudeBand? Altitude,
    Sensitivity Sensitivity,
    DutyContact Contact,
    Reveal Reveal = Reveal.Nothing,
    string? Reference = null);
