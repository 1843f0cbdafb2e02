namespace Concord.Storage.Access;

/// <summary>What came of a request to release a version further.</summary>
public enum ForwardOutcome
{
    /// <summary>The release was widened.</summary>
    Released,

    /// <summary>No readable object has that id (for this reader it does not exist).</summary>
    NotFound,

    /// <summary>TLP, caveats or channel membership forbid it; the reason goes with it.</summary>
    Refused,
}
