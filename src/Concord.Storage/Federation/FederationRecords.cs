using Concord.Domain.Federation;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;

namespace Concord.Storage.Federation;

/// <summary>This node's id and the 32-byte seed of its Ed25519 key (secret: never printed or logged).</summary>
/// <param name="Node">The node id.</param>
/// <param name="Seed">The private seed.</param>
public sealed record NodeIdentity(NodeId Node, byte[] Seed)
{
    /// <inheritdoc />
    public override string ToString() => Node.Value;
}

/// <summary>A partner node this node exchanges objects with over TAXII 2.1.</summary>
/// <param name="Node">The peer's node id (the one its parties are registered with here).</param>
/// <param name="Url">The base URL of the peer's TAXII server (its discovery endpoint is <c>{Url}/taxii2/</c>).</param>
/// <param name="Credential">
/// The API key of a member on the peer that this node acts as (secret: the peer holds only its hash; this node must keep
/// it to present it). Null for a peer this node only receives from.
/// </param>
/// <param name="PublicKey">The peer's Ed25519 public key; versions its parties originate must carry its signature.</param>
/// <param name="Pull">This node pulls from the peer's collection.</param>
/// <param name="Push">This node pushes to the peer what the peer's parties may read.</param>
public sealed record Peer(NodeId Node, Uri Url, string? Credential, NodePublicKey? PublicKey, bool Pull, bool Push)
{
    /// <summary>
    /// For a plain TAXII 2.1 feed (any server that is not a Concord node, so signs nothing): the release given here to
    /// everything pulled from it. Its objects are attributed to the one party registered with the feed's node id.
    /// Null for a Concord peer, whose versions must be signed.
    /// </summary>
    public Release? FeedRelease { get; init; }

    /// <summary>True for a plain TAXII feed.</summary>
    public bool IsFeed => FeedRelease is not null;

    /// <inheritdoc />
    public override string ToString() => $"{Node} at {Url}";
}

/// <summary>
/// A withdrawal to tell a peer about: the originator took parties or channels out of the release of every version of
/// an object, and the peer held it for one of its parties.
/// </summary>
/// <param name="Seq">The outbox sequence number (0 before it is queued).</param>
/// <param name="Node">The peer to tell.</param>
/// <param name="ObjectId">The object.</param>
/// <param name="Originator">Its originator.</param>
/// <param name="Withdrawn">What was taken out, as far as the peer's parties may know of it.</param>
public sealed record Withdrawal(long Seq, NodeId Node, StixId ObjectId, PartyId Originator, Release Withdrawn);

/// <summary>A refused arrival, for the log and the counters.</summary>
/// <param name="At">When.</param>
/// <param name="Node">The peer that sent it.</param>
/// <param name="ObjectId">The object id, when it could be read.</param>
/// <param name="Reason">Why it was refused.</param>
/// <param name="Detail">One line for people.</param>
public sealed record RefusalRecord(DateTimeOffset At, NodeId Node, string? ObjectId, IngestRefusal Reason, string Detail);

/// <summary>The result of a withdrawal on the store.</summary>
/// <param name="ReleaseRowsRemoved">Release entries taken out of versions.</param>
/// <param name="VersionsPurged">Versions deleted because nothing was left that released them here.</param>
public sealed record WithdrawOutcome(int ReleaseRowsRemoved, int VersionsPurged);

/// <summary>A widened release, as the change log keeps it.</summary>
/// <param name="Seq">Its position in the log.</param>
/// <param name="VersionPk">The version's store key.</param>
/// <param name="ObjectId">The object.</param>
public sealed record ReleaseChange(long Seq, long VersionPk, StixId ObjectId);

/// <summary>What the node hosting an object's originator withdrew from it.</summary>
/// <param name="All">Everything was withdrawn.</param>
/// <param name="Withdrawn">The parties and channels withdrawn (when not everything).</param>
public sealed record Tombstone(bool All, Release Withdrawn)
{
    /// <summary>What is left of a release a relaying node brings, once the withdrawn targets are taken out.</summary>
    public Release Apply(Release release)
    {
        ArgumentNullException.ThrowIfNull(release);
        return All ? Release.None : new Release(release.Parties.Except(Withdrawn.Parties), release.Channels.Except(Withdrawn.Channels));
    }
}
