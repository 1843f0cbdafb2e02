using Microsoft.Extensions.Logging;

namespace Concord.Server.Federation;

/// <summary>Federation's log lines. They name peers, object ids and reasons, never content or credentials.</summary>
internal static partial class FederationLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Refused an object from node {Node}: {ObjectId} {Reason}: {Detail}")]
    public static partial void Refused(ILogger logger, string node, string objectId, string reason, string detail);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Sync with node {Node} failed: {Message}; retrying in {Seconds} s")]
    public static partial void PeerFailed(ILogger logger, string node, string message, double seconds);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Sync with node {Node}: pushed {Pushed}, pulled {Pulled}, withdrawals {Withdrawals}, refused {Refused}")]
    public static partial void Synced(ILogger logger, string node, long pushed, long pulled, long withdrawals, long refused);
}
