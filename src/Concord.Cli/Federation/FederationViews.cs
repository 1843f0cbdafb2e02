namespace Concord.Cli.Federation;

/// <summary>This node's identity as printed (never the private key).</summary>
internal sealed record NodeView(string Node, string PublicKey);

/// <summary>A peer as printed (never its credential).</summary>
internal sealed record PeerView(string Node, string Url, bool Pull, bool Push, bool HasCredential, string? PublicKey, IReadOnlyList<string> Parties);

/// <summary>What one sync round moved with one peer.</summary>
internal sealed record SyncView(string Node, long Pushed, long Pulled, long Withdrawals, long Refused, string? Error);

/// <summary>A refused arrival as printed.</summary>
internal sealed record RefusalView(DateTimeOffset At, string Node, string? ObjectId, string Reason, string Detail);
