using System.Security.Cryptography;
using Concord.Domain.Directory;
using Concord.Domain.Federation;
using Concord.Domain.Releasability;
using Concord.Storage.Objects;

namespace Concord.Storage.Federation;

/// <summary>
/// This node's identity and key, loaded once: signs the versions its parties originate and finds the stored
/// signature of versions that came from peers, so every version leaves the node with its originating node's signature.
/// </summary>
public sealed class NodeSigner : IDisposable
{
    private readonly NodeKey _key;

    private NodeSigner(NodeId node, NodeKey key)
    {
        Node = node;
        _key = key;
    }

    /// <summary>This node's id.</summary>
    public NodeId Node { get; }

    /// <summary>This node's public key.</summary>
    public NodePublicKey PublicKey => _key.PublicKey;

    /// <summary>
    /// Loads the node's identity, making one the first time (with <paramref name="proposed"/> as its id, or a random
    /// one). An existing identity is never replaced.
    /// </summary>
    public static async Task<NodeSigner> LoadAsync(IConcordStore store, NodeId? proposed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var identity = await store.Federation.GetIdentityAsync(cancellationToken);
        if (identity is null)
        {
            var (key, seed) = NodeKey.Generate();
            key.Dispose();
            var node = proposed ?? NodeId.Parse("node-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)));
            identity = await store.Federation.CreateIdentityAsync(new NodeIdentity(node, seed), cancellationToken);
        }

        return new NodeSigner(identity.Node, NodeKey.FromSeed(identity.Seed));
    }

    /// <summary>
    /// The signature each version travels with: this node signs its own parties' versions; a version from elsewhere
    /// carries the signature it arrived with (none when it arrived without one, and then it cannot be passed on).
    /// </summary>
    public async Task<byte[]?[]> SignaturesAsync(IReadOnlyList<StoredVersion> versions, IReadOnlyDictionary<PartyId, Party> parties, IConcordStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(parties);
        ArgumentNullException.ThrowIfNull(store);
        var result = new byte[]?[versions.Count];
        var local = new List<int>();
        var foreign = new List<long>();
        for (var i = 0; i < versions.Count; i++)
        {
            if (IsLocal(versions[i].Distribution.Originator, parties))
            {
                local.Add(i);
            }
            else
            {
                foreign.Add(versions[i].Pk);
            }
        }

        // This node's own versions are signed as one batch (one Ed25519 signature over a Merkle root).
        var signed = VersionSignature.SignBatch(_key, local.Select(i => new VersionSignature.Signed(versions[i].Json, versions[i].Distribution.Originator, versions[i].Distribution.Handling, versions[i].Grading)).ToList());
        for (var j = 0; j < local.Count; j++)
        {
            result[local[j]] = signed[j];
        }

        var stored = await store.Federation.GetSignaturesAsync(foreign, cancellationToken);
        for (var i = 0; i < versions.Count; i++)
        {
            result[i] ??= stored.GetValueOrDefault(versions[i].Pk);
        }

        return result;
    }

    private static bool IsLocal(PartyId party, IReadOnlyDictionary<PartyId, Party> parties) =>
        !parties.TryGetValue(party, out var p) || p.IsLocal;

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}
