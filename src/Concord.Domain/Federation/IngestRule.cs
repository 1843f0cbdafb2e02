using Concord.Domain.Releasability;
using Concord.Domain.Stix;

namespace Concord.Domain.Federation;

/// <summary>
/// Whether a node accepts an object version a peer sent it. The version must name an originator this node knows as
/// hosted by another node; it must carry that node's valid signature (a node may not publish in another party's
/// name, nor in the name of a party hosted here); a version relayed by a node other than the originator's must be
/// one TLP and caveats allow to be passed on; and some party of this node must be able to read it. A plain TAXII feed
/// (a server that is not a Concord node and signs nothing) is trusted by configuration instead: its objects are
/// attributed to the one party registered for it and released as the administrator chose.
/// </summary>
public static class IngestRule
{
    /// <summary>What is known about one arrival.</summary>
    /// <param name="Sender">The peer that sent it.</param>
    /// <param name="OriginatorKnown">The originator is a party in this node's directory.</param>
    /// <param name="OriginatorNode">The node hosting the originator (null when hosted here).</param>
    /// <param name="SignerKey">The registered public key of <paramref name="OriginatorNode"/>, if any.</param>
    /// <param name="Signature">The signature the version carries, if any.</param>
    /// <param name="SignatureValid">Checks the signature against a key (called only when both exist).</param>
    /// <param name="Distribution">The version's originator, release as received, TLP and caveats.</param>
    /// <param name="ReadableHere">Some party hosted here can read the version under its release.</param>
    public sealed record Arrival(
        NodeId Sender,
        bool OriginatorKnown,
        NodeId? OriginatorNode,
        NodePublicKey? SignerKey,
        byte[]? Signature,
        Func<NodePublicKey, byte[], bool> SignatureValid,
        Distribution Distribution,
        bool ReadableHere)
    {
        /// <summary>True when the sender is a plain TAXII feed configured here (no signatures to check).</summary>
        public bool Feed { get; init; }
    }

    /// <summary>Null when the version is accepted, otherwise the refusal and one line saying why.</summary>
    public static (IngestRefusal Refusal, string Reason)? Check(Arrival arrival)
    {
        ArgumentNullException.ThrowIfNull(arrival);
        var originator = arrival.Distribution.Originator;
        if (!arrival.OriginatorKnown)
        {
            return (IngestRefusal.UnknownOriginator, $"originator '{originator}' is not a party known here");
        }

        if (arrival.OriginatorNode is not { } home)
        {
            return (IngestRefusal.Impersonation, $"node '{arrival.Sender}' sent a version claiming '{originator}', a party hosted here");
        }

        if (arrival.Feed)
        {
            return home != arrival.Sender ? (IngestRefusal.Impersonation, $"feed '{arrival.Sender}' may only bring in versions of its own party")
                : arrival.ReadableHere ? null
                : (IngestRefusal.NotReleasedHere, "the feed's release names no party of this node");
        }

        if (arrival.SignerKey is not { } key)
        {
            return (IngestRefusal.Impersonation, $"originator '{originator}' is hosted by node '{home}', whose public key is not registered here");
        }

        if (arrival.Signature is not { } signature)
        {
            return (IngestRefusal.Unsigned, $"the version carries no signature of node '{home}'");
        }

        if (!arrival.SignatureValid(key, signature))
        {
            return home == arrival.Sender
                ? (IngestRefusal.BadSignature, $"the signature does not verify against the key of node '{home}'")
                : (IngestRefusal.Impersonation, $"node '{arrival.Sender}' sent a version claiming '{originator}' of node '{home}' without that node's valid signature");
        }

        if (home != arrival.Sender)
        {
            var d = arrival.Distribution;
            if (d.Handling.ForbidsOnwardRelease || d.EffectiveTlp > TlpLevel.Green)
            {
                return (IngestRefusal.ForwardForbidden, $"node '{arrival.Sender}' passed on a version of '{originator}' whose TLP or caveats forbid onward release");
            }
        }

        if (!arrival.ReadableHere)
        {
            return (IngestRefusal.NotReleasedHere, "no party of this node is in the version's release");
        }

        return null;
    }
}
