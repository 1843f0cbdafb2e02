namespace Concord.Storage.Import;

/// <summary>What an import did.</summary>
public sealed record ImportReport
{
    /// <summary>At most this many problems are kept in <see cref="Problems"/>; <see cref="Rejected"/> counts all.</summary>
    public const int MaxProblems = 1000;

    /// <summary>Objects read from the input.</summary>
    public long Received { get; init; }

    /// <summary>New versions stored.</summary>
    public long Inserted { get; init; }

    /// <summary>Versions already held unchanged.</summary>
    public long Unchanged { get; init; }

    /// <summary>Objects refused.</summary>
    public long Rejected { get; init; }

    /// <summary>True when what was accepted is stored (false when an all-or-nothing import was refused).</summary>
    public bool Committed { get; init; }

    /// <summary>The first problems, in input order.</summary>
    public IReadOnlyList<ImportProblem> Problems { get; init; } = [];
}
