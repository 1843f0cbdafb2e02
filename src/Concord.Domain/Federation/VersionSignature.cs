using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Concord.Domain.Releasability;

namespace Concord.Domain.Federation;

/// <summary>
/// What a node signs for each object version its parties originate, and how a receiving node checks it. The
/// signature covers the object's JSON (as stored: minified, without Concord's extension), its originator, and the
/// handling the originator gave it — TLP comes from the JSON's marking refs; caveats, purpose, restriction and
/// grading are added here — so no node on the way can change content, claim another originator, or strip ORCON.
/// It does not cover the release: each recipient sees only the part of the release it may know of, and a
/// recipient may legitimately widen it where TLP and caveats allow.
/// <para>
/// Versions are signed a batch at a time (a page of a push): each version's message is hashed into a leaf of a Merkle
/// tree, the node signs the tree's root once with Ed25519, and each version's signature is that root signature with the
/// version's place in the batch and the sibling hashes on its path to the root. Every signature still verifies on its
/// own — a relaying node passes it on unchanged and a third node checks it against the originating node's key — but a
/// receiver of a whole page verifies one Ed25519 signature for it and hashes the rest (see <see cref="Verifier"/>).
/// Leaves and inner nodes are hashed with different prefixes, so no inner node can pass for a version.
/// </para>
/// </summary>
public static class VersionSignature
{
    /// <summary>The length of the Ed25519 signature at the head of every version signature.</summary>
    public const int RootSignatureLength = 64;

    private const int HeaderLength = RootSignatureLength + 8;
    private const int HashLength = 32;

    private static ReadOnlySpan<byte> Domain => "concord-version-signature-v1\0"u8;

    private static ReadOnlySpan<byte> RootDomain => "concord-version-batch-root-v1\0"u8;

    /// <summary>One version to sign: its stored JSON, originator, handling and grading.</summary>
    public readonly record struct Signed(ReadOnlyMemory<byte> Json, PartyId Originator, Handling Handling, Grading? Grading);

    /// <summary>Signs one version with the node's key (a batch of one).</summary>
    public static byte[] Sign(NodeKey key, ReadOnlySpan<byte> json, PartyId originator, Handling handling, Grading? grading) =>
        SignBatch(key, [new Signed(json.ToArray(), originator, handling, grading)])[0];

    /// <summary>Signs a batch of versions with one Ed25519 signature; returns each version's signature, in order.</summary>
    public static byte[][] SignBatch(NodeKey key, IReadOnlyList<Signed> versions)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(versions);
        var count = versions.Count;
        if (count == 0)
        {
            return [];
        }

        var levels = new List<byte[][]> { new byte[count][] };
        Parallel.For(0, count, i => levels[0][i] = Leaf(versions[i].Json.Span, versions[i].Originator, versions[i].Handling, versions[i].Grading));
        while (levels[^1].Length > 1)
        {
            var below = levels[^1];
            var above = new byte[(below.Length + 1) / 2][];
            for (var i = 0; i < above.Length; i++)
            {
                above[i] = 2 * i + 1 < below.Length ? Inner(below[2 * i], below[2 * i + 1]) : below[2 * i];
            }

            levels.Add(above);
        }

        var rootSignature = key.Sign(RootMessage(levels[^1][0]));
        var result = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            var path = new List<byte[]>();
            var position = i;
            for (var level = 0; level < levels.Count - 1; level++)
            {
                var sibling = position ^ 1;
                if (sibling < levels[level].Length)
                {
                    path.Add(levels[level][sibling]);
                }

                position >>= 1;
            }

            var signature = new byte[HeaderLength + (path.Count * HashLength)];
            rootSignature.CopyTo(signature, 0);
            BinaryPrimitives.WriteInt32BigEndian(signature.AsSpan(RootSignatureLength), i);
            BinaryPrimitives.WriteInt32BigEndian(signature.AsSpan(RootSignatureLength + 4), count);
            for (var p = 0; p < path.Count; p++)
            {
                path[p].CopyTo(signature, HeaderLength + (p * HashLength));
            }

            result[i] = signature;
        }

        return result;
    }

    /// <summary>True when <paramref name="signature"/> is the signing node's signature of this version.</summary>
    public static bool Verify(NodePublicKey key, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> json, PartyId originator, Handling handling, Grading? grading) =>
        new Verifier().Verify(key, signature, json, originator, handling, grading);

    /// <summary>
    /// Checks signatures, remembering for each signed batch whether its root signature verified and which of its tree's
    /// nodes are authentic, so the versions of one batch cost one Ed25519 verification between them and, mostly, two
    /// hashes each: a version's climb to the root stops at the first node already known to be in the signed tree (a
    /// different hash there would need a SHA-256 collision). Safe to share between threads.
    /// </summary>
    public sealed class Verifier
    {
        private readonly ConcurrentDictionary<string, Batch> _batches = new(StringComparer.Ordinal);
        private Batch? _last;

        /// <summary>True when <paramref name="signature"/> is the signing node's signature of this version.</summary>
        public bool Verify(NodePublicKey key, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> json, PartyId originator, Handling handling, Grading? grading)
        {
            ArgumentNullException.ThrowIfNull(key);
            if (signature.Length < HeaderLength || (signature.Length - HeaderLength) % HashLength != 0)
            {
                return false;
            }

            var index = BinaryPrimitives.ReadInt32BigEndian(signature[RootSignatureLength..]);
            var count = BinaryPrimitives.ReadInt32BigEndian(signature[(RootSignatureLength + 4)..]);
            var path = signature[HeaderLength..];
            if (count < 1 || index < 0 || index >= count || path.Length != PathLength(index, count) * HashLength)
            {
                return false;
            }

            var rootSignature = signature[..RootSignatureLength];
            var last = Volatile.Read(ref _last);
            var b = last is not null && last.RootSignature.AsSpan().SequenceEqual(rootSignature) ? last
                : _batches.TryGetValue(Convert.ToBase64String(rootSignature), out var found) ? found : null;
            var seen = b is not null && b.Count == count && b.Key.Equals(key) ? b : null;
            var leaf = Leaf(json, originator, handling, grading);
            if (seen is { Valid: true } && seen.TryShortcut(leaf, index, path, out var verdict))
            {
                return verdict;
            }

            var (root, nodes) = Climb(leaf, index, count, path);
            if (seen is not null && seen.Root.AsSpan().SequenceEqual(root))
            {
                // This root under this root signature was checked before.
                if (seen.Valid)
                {
                    seen.Remember(nodes);
                }

                return seen.Valid;
            }

            var valid = key.Verify(RootMessage(root), rootSignature);
            var signed = rootSignature.ToArray();
            var batch = _batches.GetOrAdd(Convert.ToBase64String(signed), _ => new Batch(key, count, root, signed, valid));
            Volatile.Write(ref _last, batch);
            if (valid && batch.Valid && batch.Count == count && batch.Key.Equals(key) && batch.Root.AsSpan().SequenceEqual(root))
            {
                batch.Remember(nodes);
            }

            return valid;
        }

        /// <summary>The root a leaf's path leads to, with every node computed and every sibling hash used on the way.</summary>
        private static (byte[] Root, List<Node> Nodes) Climb(byte[] leaf, int index, int count, ReadOnlySpan<byte> path)
        {
            var nodes = new List<Node>(2 * 32) { new(0, index, leaf) };
            var hash = leaf;
            var used = 0;
            var level = 0;
            for (var (position, width) = (index, count); width > 1; position >>= 1, width = (width + 1) / 2, level++)
            {
                var sibling = position ^ 1;
                if (sibling < width)
                {
                    var other = path.Slice(used, HashLength);
                    used += HashLength;
                    nodes.Add(new Node(level, sibling, other.ToArray()));
                    hash = (position & 1) == 0 ? Inner(hash, other) : Inner(other, hash);
                }

                nodes.Add(new Node(level + 1, position >> 1, hash));
            }

            return (hash, nodes);
        }

        /// <summary>A node of a batch's tree: its level (leaves are 0), its position in the level, its hash.</summary>
        private readonly record struct Node(int Level, int Position, byte[] Hash);

        /// <summary>How many sibling hashes the path of leaf <paramref name="index"/> of <paramref name="count"/> holds.</summary>
        private static int PathLength(int index, int count)
        {
            var length = 0;
            for (var (position, width) = (index, count); width > 1; position >>= 1, width = (width + 1) / 2)
            {
                if ((position ^ 1) < width)
                {
                    length++;
                }
            }

            return length;
        }

        /// <summary>
        /// A batch whose root signature was checked, with the nodes of its tree proven authentic so far: every node on a
        /// path that reached the signed root, and both children of each (a forged child would need a SHA-256 collision).
        /// </summary>
        private sealed class Batch
        {
            private readonly ConcurrentDictionary<(int Level, int Position), byte[]> _nodes = new();

            public Batch(NodePublicKey key, int count, byte[] root, byte[] rootSignature, bool valid)
            {
                Key = key;
                Count = count;
                Root = root;
                RootSignature = rootSignature;
                Valid = valid;
                var height = 0;
                for (var width = count; width > 1; width = (width + 1) / 2)
                {
                    height++;
                }

                _nodes[(height, 0)] = root;
            }

            public NodePublicKey Key { get; }

            public int Count { get; }

            public byte[] Root { get; }

            public byte[] RootSignature { get; }

            public bool Valid { get; }

            public void Remember(List<Node> nodes)
            {
                foreach (var node in nodes)
                {
                    _nodes.TryAdd((node.Level, node.Position), node.Hash);
                }
            }

            /// <summary>
            /// Climbs from the leaf only until a node known to be authentic, then requires the rest of the path to be the
            /// known siblings, so the whole signature is exactly the authentic one. False when something it needs is not
            /// known yet (the caller then climbs all the way); otherwise <paramref name="verdict"/> is the answer.
            /// </summary>
            public bool TryShortcut(byte[] leaf, int index, ReadOnlySpan<byte> path, out bool verdict)
            {
                verdict = false;
                var climbed = new List<Node>(8);
                var hash = leaf;
                var used = 0;
                var level = 0;
                var (position, width) = (index, Count);
                while (true)
                {
                    if (_nodes.TryGetValue((level, position), out var authentic))
                    {
                        if (!authentic.AsSpan().SequenceEqual(hash))
                        {
                            return true;
                        }

                        break;
                    }

                    if (width == 1)
                    {
                        return false;
                    }

                    climbed.Add(new Node(level, position, hash));
                    var sibling = position ^ 1;
                    if (sibling < width)
                    {
                        var other = path.Slice(used, HashLength);
                        used += HashLength;
                        climbed.Add(new Node(level, sibling, other.ToArray()));
                        hash = (position & 1) == 0 ? Inner(hash, other) : Inner(other, hash);
                    }

                    (position, width, level) = (position >> 1, (width + 1) / 2, level + 1);
                }

                for (; width > 1; position >>= 1, width = (width + 1) / 2, level++)
                {
                    var sibling = position ^ 1;
                    if (sibling < width)
                    {
                        if (!_nodes.TryGetValue((level, sibling), out var known))
                        {
                            return false;
                        }

                        if (!known.AsSpan().SequenceEqual(path.Slice(used, HashLength)))
                        {
                            return true;
                        }

                        used += HashLength;
                    }
                }

                Remember(climbed);
                verdict = true;
                return true;
            }
        }
    }

    private static byte[] RootMessage(ReadOnlySpan<byte> root)
    {
        var message = new byte[RootDomain.Length + HashLength];
        RootDomain.CopyTo(message);
        root.CopyTo(message.AsSpan(RootDomain.Length));
        return message;
    }

    private static byte[] Inner(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * HashLength)];
        buffer[0] = 1;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + HashLength)..]);
        return SHA256.HashData(buffer);
    }

    private static byte[] Leaf(ReadOnlySpan<byte> json, PartyId originator, Handling handling, Grading? grading)
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
        var buffer = ArrayPool<byte>.Shared.Rent(1 + Domain.Length + Encoding.UTF8.GetMaxByteCount(head.Length) + json.Length);
        try
        {
            buffer[0] = 0;
            var length = 1;
            Domain.CopyTo(buffer.AsSpan(length));
            length += Domain.Length;
            length += Encoding.UTF8.GetBytes(head, buffer.AsSpan(length));
            json.CopyTo(buffer.AsSpan(length));
            length += json.Length;
            return SHA256.HashData(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
