using Concord.Domain.Deconfliction;

namespace Concord.Storage.Deconfliction;

/// <summary>How a deconfliction request ended.</summary>
public enum OperationOutcomeKind
{
    /// <summary>Done.</summary>
    Done,

    /// <summary>The input was refused: see the errors; nothing was stored.</summary>
    Invalid,

    /// <summary>No such operation or conflict for the caller's party (the same answer whether it exists for another party or not at all).</summary>
    NotFound,

    /// <summary>The operation or conflict is closed (cancelled, completed, resolved) and cannot change so.</summary>
    Closed,

    /// <summary>The caller's role may not do this.</summary>
    Forbidden,
}

/// <summary>The outcome of a deconfliction request: a kind, and the result or the errors.</summary>
/// <param name="Kind">How it ended.</param>
/// <param name="Result">The new version and notices, when done.</param>
/// <param name="Errors">Why it was refused.</param>
public sealed record OperationOutcome(OperationOutcomeKind Kind, OperationResult? Result, IReadOnlyList<DeconflictionError> Errors)
{
    internal static OperationOutcome Refused(OperationOutcomeKind kind, string pointer, string message) => new(kind, null, [new DeconflictionError(pointer, message)]);
}
