using Concord.Domain.Releasability;
using Concord.Domain.Stix;

namespace Concord.Storage.Objects;

/// <summary>A validated object version ready to be written, with the distribution its originator gave it.</summary>
/// <param name="Object">The validated object.</param>
/// <param name="Distribution">Originator, release, TLP, caveats.</param>
/// <param name="Grading">Admiralty grading, if any.</param>
/// <param name="Digest">Digest of content and distribution (see VersionDigest).</param>
public sealed record VersionRecord(StixObject Object, Distribution Distribution, Grading? Grading, byte[] Digest)
{
    private readonly (string Text, long Key) _id = IdOf(Object);

    /// <summary>The object's id as text, made with the record: on an import's reading thread, not its writing one.</summary>
    public string IdText => _id.Text;

    /// <summary>The key SQLite finds the id by (<see cref="Sqlite.SqliteIdKey"/>), likewise made off the writing thread.</summary>
    public long IdKey => _id.Key;

    private static (string, long) IdOf(StixObject obj)
    {
        var text = obj.Id.ToString();
        return (text, Sqlite.SqliteIdKey.Of(text));
    }

    /// <summary>
    /// The originating node's signature, kept for a version that arrived from a peer so it can be passed on to a
    /// third node with the originator's signature intact.
    /// </summary>
    public byte[]? Signature { get; init; }

    /// <summary>
    /// True for a version arriving from a peer: when the same content is already held under the same key with another
    /// release (the peer sent it once per party of this node, each seeing its own part of the release), the release is
    /// merged into the held version instead of being refused as a conflict.
    /// </summary>
    public bool MergeRelease { get; init; }
}
