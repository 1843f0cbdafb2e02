using Concord.Domain.Federation;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Storage.Federation;

namespace Concord.Storage.Postgres;

/// <summary>Federation state on PostgreSQL (placeholder until ported).</summary>
internal sealed class PostgresFederationStore(PostgresStore store) : IFederationStore
{
    private readonly PostgresStore _store = store;

    public Task<NodeIdentity?> GetIdentityAsync(CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<NodeIdentity> CreateIdentityAsync(NodeIdentity identity, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task PutPeerAsync(Peer peer, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<IReadOnlyList<Peer>> ListPeersAsync(CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<bool> RemovePeerAsync(NodeId node, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<string?> GetCursorAsync(NodeId node, string stream, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task SetCursorAsync(NodeId node, string stream, string position, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<IReadOnlyDictionary<long, byte[]>> GetSignaturesAsync(IReadOnlyCollection<long> versionPks, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<WithdrawOutcome> WithdrawAsync(PartyId originator, StixId id, Release? withdrawn, bool purgeEmptied, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task QueueWithdrawalsAsync(IReadOnlyList<Withdrawal> withdrawals, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<IReadOnlyList<Withdrawal>> ListWithdrawalsAsync(NodeId node, int limit, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task RemoveWithdrawalAsync(long seq, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task RecordRefusalAsync(RefusalRecord refusal, CancellationToken cancellationToken) => throw new NotImplementedException();
    public Task<IReadOnlyList<RefusalRecord>> ListRefusalsAsync(int limit, CancellationToken cancellationToken) => throw new NotImplementedException();
}
