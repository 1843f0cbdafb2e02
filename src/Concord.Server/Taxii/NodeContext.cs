using System.Security.Cryptography;
using Concord.Domain.Directory;
using Concord.Domain.Releasability;
using Concord.Server.Objects;
using Concord.Storage;
using Concord.Storage.Federation;

namespace Concord.Server.Taxii;

/// <summary>
/// This node as federation sees it, loaded on first use: its signer, and the TAXII paging cursor whose key is derived
/// from the node key, so a peer's saved <c>next</c> stays valid across restarts (and is worthless to anyone else).
/// </summary>
internal sealed class NodeContext(IConcordStore store) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private NodeSigner? _signer;
    private Cursor? _cursor;

    public async Task<NodeSigner> SignerAsync(CancellationToken cancellationToken)
    {
        if (_signer is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_signer is null)
            {
                var signer = await NodeSigner.LoadAsync(store, null, cancellationToken);
                var identity = (await store.Federation.GetIdentityAsync(cancellationToken))!;
                _cursor = new Cursor(HKDF.DeriveKey(HashAlgorithmName.SHA256, identity.Seed, 32, info: "concord-taxii-cursor"u8.ToArray()));
                _signer = signer;
            }

            return _signer;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<Cursor> CursorAsync(CancellationToken cancellationToken)
    {
        await SignerAsync(cancellationToken);
        return _cursor!;
    }

    /// <summary>Every party in the directory by id (for telling local from remote originators).</summary>
    public async Task<IReadOnlyDictionary<PartyId, Party>> PartiesAsync(CancellationToken cancellationToken) =>
        (await store.Directory.ListPartiesAsync(cancellationToken)).ToDictionary(p => p.Id);

    public void Dispose()
    {
        _signer?.Dispose();
        _gate.Dispose();
    }
}
