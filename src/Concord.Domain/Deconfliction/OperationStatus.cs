namespace Concord.Domain.Deconfliction;

/// <summary>Where an operation stands. Only <see cref="Active"/> operations take part in deconfliction.</summary>
public enum OperationStatus
{
    /// <summary>Planned or under way: checked against every other active operation.</summary>
    Active,

    /// <summary>Called off by its owner.</summary>
    Cancelled,

    /// <summary>Finished.</summary>
    Completed,
}
