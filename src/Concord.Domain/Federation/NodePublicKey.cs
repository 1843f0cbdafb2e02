using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;

namespace Concord.Domain.Federation;

/// <summary>
/// A node's Ed25519 public key: 32 bytes, written as unpadded base64url with the prefix <c>ed25519:</c> so a key
/// pasted into the wrong option is recognised.
/// </summary>
public sealed class NodePublicKey : IEquatable<NodePublicKey>
{
    private const string Prefix = "ed25519:";
    private readonly byte[] _bytes;

    /// <summary>Wraps 32 raw bytes.</summary>
    public NodePublicKey(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 32)
        {
            throw new ArgumentException("An Ed25519 public key is 32 bytes.", nameof(bytes));
        }

        _bytes = bytes.ToArray();
    }

    /// <summary>The raw bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Parses <c>ed25519:&lt;base64url&gt;</c>; false with a reason when the text is not such a key.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out NodePublicKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            error = "a node public key starts with 'ed25519:' (print it on the peer with 'concord node show')";
            return false;
        }

        byte[] raw;
        try
        {
            raw = Base64Url.DecodeFromChars(text.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            error = "the node public key is not valid base64url";
            return false;
        }

        if (raw.Length != 32)
        {
            error = $"an Ed25519 public key is 32 bytes, this one is {raw.Length}";
            return false;
        }

        key = new NodePublicKey(raw);
        error = null;
        return true;
    }

    /// <summary>Verifies a signature made by the matching private key.</summary>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) => NodeKey.Verify(_bytes, message, signature);

    /// <inheritdoc />
    public bool Equals(NodePublicKey? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as NodePublicKey);

    /// <inheritdoc />
    public override int GetHashCode() => BitConverter.ToInt32(_bytes, 0);

    /// <inheritdoc />
    public override string ToString() => Prefix + Base64Url.EncodeToString(_bytes);
}
