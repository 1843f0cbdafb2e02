using Concord.Domain.Releasability;
using Concord.Storage.Access;

namespace Concord.Storage.Import;

/// <summary>What an import is asked to do.</summary>
/// <param name="Actor">Who imports; its party becomes the originator of every version.</param>
/// <param name="DefaultRelease">Release for objects whose Concord extension names none (empty keeps them with the originator).</param>
/// <param name="DefaultHandling">Caveats for objects whose extension names none.</param>
/// <param name="DefaultGrading">Grading for objects whose extension names none.</param>
/// <param name="AllOrNothing">When true, one refused object refuses the whole input and nothing is stored.</param>
/// <param name="Source">Where the input came from (a file name), for the audit record.</param>
public sealed record ImportRequest(
    Actor Actor,
    Release DefaultRelease,
    Handling DefaultHandling,
    Grading? DefaultGrading,
    bool AllOrNothing,
    string? Source)
{
    /// <summary>Objects per transaction.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>
    /// Objects per transaction by default. Large enough that a transaction touches each page of the random-keyed id
    /// index more than once (5,000 wrote nearly a page per object); small enough that three batches in flight stay
    /// within a few hundred MiB.
    /// </summary>
    public const int DefaultBatchSize = 10_000;
}
