using Concord.Domain.Federation;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;

namespace Concord.Storage.Federation;

/// <summary>
/// What federation keeps: the node's identity and key, its peers, the sync cursors, signatures of versions that came
/// from peers, withdrawals still to be delivered, and the refusals of bad arrivals.
/// </summary>
public interface IFederationStore
{
    /// <summary>The node's identity, or null before one is made.</summary>
    Task<NodeIdentity?> GetIdentityAsync(CancellationToken cancellationToken);

    /// <summary>Stores the identity unless one exists; returns the one that is stored.</summary>
    Task<NodeIdentity> CreateIdentityAsync(NodeIdentity identity, CancellationToken cancellationToken);

    /// <summary>Adds a peer or replaces the one with the same node id.</summary>
    Task PutPeerAsync(Peer peer, CancellationToken cancellationToken);

    /// <summary>All peers.</summary>
    Task<IReadOnlyList<Peer>> ListPeersAsync(CancellationToken cancellationToken);

    /// <summary>Removes a peer, its cursors and the withdrawals still owed to it; false when there was none.</summary>
    Task<bool> RemovePeerAsync(NodeId node, CancellationToken cancellationToken);

    /// <summary>A sync cursor, or null.</summary>
    Task<string?> GetCursorAsync(NodeId node, string stream, CancellationToken cancellationToken);

    /// <summary>Saves a sync cursor.</summary>
    Task SetCursorAsync(NodeId node, string stream, string position, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets every cursor kept for a peer, so the next round sends and fetches everything again (the receiving side
    /// takes what it already holds as unchanged): after the peer fixed what made it refuse versions.
    /// </summary>
    Task ResetCursorsAsync(NodeId node, CancellationToken cancellationToken);

    /// <summary>The stored signatures (of versions that came from peers) among these version keys.</summary>
    Task<IReadOnlyDictionary<long, byte[]>> GetSignaturesAsync(IReadOnlyCollection<long> versionPks, CancellationToken cancellationToken);

    /// <summary>
    /// Takes parties and channels out of the release of every version of an object by this originator (all of the
    /// release when <paramref name="withdrawn"/> is null). With <paramref name="purgeEmptied"/> — on a node that holds the
    /// object for its parties — versions left with no release are deleted.
    /// </summary>
    Task<WithdrawOutcome> WithdrawAsync(PartyId originator, StixId id, Release? withdrawn, bool purgeEmptied, CancellationToken cancellationToken);

    /// <summary>
    /// Versions whose release was widened after they were stored (a forward, a wider release), oldest first after
    /// <paramref name="afterSeq"/>: (log position, version key, object id).
    /// </summary>
    Task<IReadOnlyList<ReleaseChange>> ListReleaseChangesAsync(long afterSeq, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Remembers that <paramref name="node"/>, which hosts the originator, withdrew parties and channels (everything
    /// when <paramref name="withdrawn"/> is null) from an object, so a copy relayed later by another node does not bring
    /// them back.
    /// </summary>
    Task AddTombstonesAsync(NodeId node, StixId id, Release? withdrawn, CancellationToken cancellationToken);

    /// <summary>What was withdrawn from these objects by the node hosting their originator: (node, object id) to the withdrawn release, or null for everything.</summary>
    Task<IReadOnlyDictionary<(NodeId Node, StixId Id), Tombstone>> GetTombstonesAsync(IReadOnlyCollection<StixId> ids, CancellationToken cancellationToken);

    /// <summary>Forgets withdrawals the originator's node took back by releasing the object to those targets again.</summary>
    Task ClearTombstonesAsync(NodeId node, StixId id, Release released, CancellationToken cancellationToken);

    /// <summary>Queues withdrawals for delivery to peers.</summary>
    Task QueueWithdrawalsAsync(IReadOnlyList<Withdrawal> withdrawals, CancellationToken cancellationToken);

    /// <summary>The oldest undelivered withdrawals for a peer.</summary>
    Task<IReadOnlyList<Withdrawal>> ListWithdrawalsAsync(NodeId node, int limit, CancellationToken cancellationToken);

    /// <summary>Marks a withdrawal delivered.</summary>
    Task RemoveWithdrawalAsync(long seq, CancellationToken cancellationToken);

    /// <summary>Records a refused arrival.</summary>
    Task RecordRefusalAsync(RefusalRecord refusal, CancellationToken cancellationToken);

    /// <summary>The most recent refusals, newest first.</summary>
    Task<IReadOnlyList<RefusalRecord>> ListRefusalsAsync(int limit, CancellationToken cancellationToken);
}
