namespace Concord.Domain.Stix;

/// <summary>The outcome of validating one STIX object: the object when valid, otherwise the errors.</summary>
public sealed class StixValidation
{
    private readonly string? _id;

    internal StixValidation(StixObject? obj, IReadOnlyList<StixError> errors, string? id)
    {
        Object = obj;
        Errors = errors;
        _id = id;
    }

    /// <summary>The valid object, or null.</summary>
    public StixObject? Object { get; }

    /// <summary>Why the object was refused (empty when valid).</summary>
    public IReadOnlyList<StixError> Errors { get; }

    /// <summary>The id the input claimed, when it had one, for error reports (a valid object's id is made on asking).</summary>
    public string? Id => _id ?? Object?.Id.ToString();

    /// <summary>True when the object is valid.</summary>
    public bool IsValid => Object is not null;
}
