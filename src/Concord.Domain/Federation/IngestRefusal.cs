namespace Concord.Domain.Federation;

/// <summary>Why a node refused an object version that arrived from a peer. Each refusal is logged and counted.</summary>
public enum IngestRefusal
{
    /// <summary>The version carries no signature.</summary>
    Unsigned,

    /// <summary>The signature does not verify against the key registered for the node hosting the originator.</summary>
    BadSignature,

    /// <summary>The originator is not a party this node knows.</summary>
    UnknownOriginator,

    /// <summary>The originator is a party hosted here, or hosted by a node whose key this node does not hold.</summary>
    Impersonation,

    /// <summary>A relaying node passed on a version whose TLP or caveats forbid onward release.</summary>
    ForwardForbidden,

    /// <summary>No party of this node may read the version: it should never have been sent here.</summary>
    NotReleasedHere,

    /// <summary>The object is not valid STIX, or Concord's extension is malformed.</summary>
    Invalid,

    /// <summary>The version conflicts with one already held (same id and time, different content).</summary>
    Conflict,
}

/// <summary>Words for refusals.</summary>
public static class IngestRefusals
{
    /// <summary>The refusal as a lower-case token for logs, counters and JSON.</summary>
    public static string Token(IngestRefusal refusal) => refusal switch
    {
        IngestRefusal.Unsigned => "unsigned",
        IngestRefusal.BadSignature => "bad-signature",
        IngestRefusal.UnknownOriginator => "unknown-originator",
        IngestRefusal.Impersonation => "impersonation",
        IngestRefusal.ForwardForbidden => "forward-forbidden",
        IngestRefusal.NotReleasedHere => "not-released-here",
        IngestRefusal.Invalid => "invalid",
        IngestRefusal.Conflict => "conflict",
        _ => throw new ArgumentOutOfRangeException(nameof(refusal)),
    };

    /// <summary>Parses a token written by <see cref="Token"/>.</summary>
    public static IngestRefusal Parse(string token) =>
        Enum.GetValues<IngestRefusal>().FirstOrDefault(r => Token(r) == token, IngestRefusal.Invalid);
}
