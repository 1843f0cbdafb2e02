using System.Buffers.Binary;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Concord.Server.Objects;

/// <summary>
/// The opaque paging cursor: a store sequence number sealed with AES-GCM under a key this server process draws
/// at start, in base64url. A plain sequence number would tell a reader how many versions others stored between
/// two of its pages — volumes it may not read; sealed, every cursor looks alike and cannot be forged. Cursors
/// do not outlive the process: a stale one is refused like any cursor the server did not hand out.
/// </summary>
internal sealed class Cursor
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int Size = NonceSize + sizeof(long) + TagSize;
    private readonly byte[] _key;

    /// <summary>A cursor sealer with a key drawn for this process.</summary>
    public Cursor()
        : this(RandomNumberGenerator.GetBytes(32))
    {
    }

    /// <summary>A cursor sealer with a given 32-byte key (TAXII's, derived from the node key, outlives restarts).</summary>
    public Cursor(byte[] key) => _key = key;

    public string Seal(long after)
    {
        Span<byte> sealedBytes = stackalloc byte[Size];
        Span<byte> plain = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(plain, after);
        var nonce = sealedBytes[..NonceSize];
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.Slice(NonceSize, sizeof(long)), sealedBytes[(NonceSize + sizeof(long))..]);
        return Base64Url.EncodeToString(sealedBytes);
    }

    public bool TryOpen([NotNullWhen(true)] string? text, out long after)
    {
        after = 0;
        Span<byte> sealedBytes = stackalloc byte[Size];
        if (text is null || text.Length != Base64Url.GetEncodedLength(Size)
            || !Base64Url.TryDecodeFromChars(text, sealedBytes, out var written) || written != Size)
        {
            return false;
        }

        Span<byte> plain = stackalloc byte[sizeof(long)];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(sealedBytes[..NonceSize], sealedBytes.Slice(NonceSize, sizeof(long)), sealedBytes[(NonceSize + sizeof(long))..], plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }

        after = BinaryPrimitives.ReadInt64BigEndian(plain);
        return after >= 0;
    }
}
