using NSec.Cryptography;

namespace Concord.Domain.Federation;

/// <summary>
/// A node's Ed25519 key pair. The private half signs every object version the node's parties originate; the public
/// half is what partners register for the node (<c>concord peer add --public-key</c>). The private seed never
/// leaves the node's store and is never printed or logged.
/// </summary>
public sealed class NodeKey : IDisposable
{
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly Key _key;

    private NodeKey(Key key)
    {
        _key = key;
        PublicKey = new NodePublicKey(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The public key.</summary>
    public NodePublicKey PublicKey { get; }

    /// <summary>Makes a new key pair and returns it with its 32-byte private seed (to store).</summary>
    public static (NodeKey Key, byte[] Seed) Generate()
    {
        using var key = Key.Create(Algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var seed = key.Export(KeyBlobFormat.RawPrivateKey);
        return (FromSeed(seed), seed);
    }

    /// <summary>The key pair of a stored 32-byte seed.</summary>
    public static NodeKey FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != 32)
        {
            throw new ArgumentException("An Ed25519 seed is 32 bytes.", nameof(seed));
        }

        return new NodeKey(Key.Import(Algorithm, seed, KeyBlobFormat.RawPrivateKey));
    }

    /// <summary>Signs a message (64 bytes out).</summary>
    public byte[] Sign(ReadOnlySpan<byte> message) => Algorithm.Sign(_key, message);

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    internal static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != Algorithm.SignatureSize)
        {
            return false;
        }

        if (!PublicKey_TryImport(publicKey, out var key))
        {
            return false;
        }

        return Algorithm.Verify(key, message, signature);
    }

    private static bool PublicKey_TryImport(ReadOnlySpan<byte> raw, out NSec.Cryptography.PublicKey key) =>
        NSec.Cryptography.PublicKey.TryImport(Algorithm, raw, KeyBlobFormat.RawPublicKey, out key!);
}
