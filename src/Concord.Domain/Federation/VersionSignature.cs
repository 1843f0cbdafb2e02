using System.Buffers;
using System.Text;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;

namespace Concord.Domain.Federation;

/// <summary>
/// What a node signs for each object version its parties originate, and how a receiving node checks it. The
/// signature covers the object's JSON (as stored: minified, without Concord's extension), its originator, and the
/// handling the originator gave it — TLP comes from the JSON's marking refs; caveats, purpose, restriction and
/// grading are added here — so no node on the way can change content, claim another originator, or strip ORCON.
/// It does not cover the release: each recipient sees only the part of the release it may know of, and a
/// recipient may legitimately widen it where TLP and caveats allow.
/// </summary>
public static class VersionSignature
{
    /// <summary>The length of a signature in bytes.</summary>
    public const int Length = 64;

    private static ReadOnlySpan<byte> Domain => "concord-version-signature-v1\0"u8;

    /// <summary>Signs a version with the node's key.</summary>
    public static byte[] Sign(NodeKey key, ReadOnlySpan<byte> json, PartyId originator, Handling handling, Grading? grading)
    {
        ArgumentNullException.ThrowIfNull(key);
        var buffer = Message(json, originator, handling, grading, out var length);
        try
        {
            return key.Sign(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>True when <paramref name="signature"/> is the signing node's signature of this version.</summary>
    public static bool Verify(NodePublicKey key, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> json, PartyId originator, Handling handling, Grading? grading)
    {
        ArgumentNullException.ThrowIfNull(key);
        var buffer = Message(json, originator, handling, grading, out var length);
        try
        {
            return key.Verify(buffer.AsSpan(0, length), signature);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Message(ReadOnlySpan<byte> json, PartyId originator, Handling handling, Grading? grading, out int length)
    {
        ArgumentNullException.ThrowIfNull(handling);
        // Unambiguous: the parts before the JSON cannot hold NUL (slugs, fixed codes, and purpose and restriction
        // refuse control characters), and the JSON comes last.
        var head = new StringBuilder(96)
            .Append(originator.Value).Append('\0')
            .AppendJoin(',', handling.Codes()).Append('\0')
            .Append(handling.Purpose).Append('\0')
            .Append(handling.Restriction).Append('\0')
            .Append(grading?.ToString()).Append('\0')
            .ToString();
        var buffer = ArrayPool<byte>.Shared.Rent(Domain.Length + Encoding.UTF8.GetMaxByteCount(head.Length) + json.Length);
        Domain.CopyTo(buffer);
        length = Domain.Length;
        length += Encoding.UTF8.GetBytes(head, buffer.AsSpan(length));
        json.CopyTo(buffer.AsSpan(length));
        length += json.Length;
        return buffer;
    }
}
