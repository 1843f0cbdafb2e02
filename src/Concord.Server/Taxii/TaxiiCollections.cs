using System.Security.Cryptography;
using System.Text;
using Concord.Domain.Releasability;
using Concord.Storage;

namespace Concord.Server.Taxii;

/// <summary>
/// How Concord's sharing maps onto TAXII collections, per reading party: one collection, <c>everything</c>, holds every
/// object version the party may read; each channel the party is a member of is one more collection holding what was
/// released to that channel. A party sees only its own collections: a channel it is not in has no collection for it,
/// and asking for that collection's id is a 404 like any unknown id. Ids are stable name-based UUIDs, the same on every
/// node, so a client configured for a channel's collection keeps working against any node hosting the channel.
/// </summary>
internal static class TaxiiCollections
{
    /// <summary>The id of the "everything released to you" collection.</summary>
    public static readonly string Everything = NameUuid("concord:everything");

    /// <summary>The id of a channel's collection.</summary>
    public static string OfChannel(ChannelId channel) => NameUuid("concord:channel:" + channel.Value);

    /// <summary>The collections a reader has, with the channel each stands for (null for everything).</summary>
    public static async Task<IReadOnlyList<TaxiiCollection>> ListAsync(IConcordStore store, Reader reader, CancellationToken cancellationToken)
    {
        var result = new List<TaxiiCollection>
        {
            new(Everything, null, "Everything released to " + reader.Party.Value, $"Every object version party {reader.Party.Value} may read; new objects posted here stay with their originator unless their Concord extension releases them."),
        };
        foreach (var channel in reader.Channels.OrderBy(c => c.Value, StringComparer.Ordinal))
        {
            var found = await store.Directory.GetChannelAsync(channel, cancellationToken);
            result.Add(new TaxiiCollection(OfChannel(channel), channel, found?.Name ?? channel.Value, $"Object versions released to channel {channel.Value}; new objects posted here are released to it."));
        }

        return result;
    }

    /// <summary>The reader's collection with this id, or null.</summary>
    public static async Task<TaxiiCollection?> FindAsync(IConcordStore store, Reader reader, string id, CancellationToken cancellationToken) =>
        (await ListAsync(store, reader, cancellationToken)).FirstOrDefault(c => c.Id == id);

    /// <summary>A name-based UUID (version 8: SHA-256 over a fixed prefix and the name).</summary>
    private static string NameUuid(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("concord-taxii-collection\0" + name), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true).ToString();
    }
}

/// <summary>One TAXII collection of a reader.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Channel">The channel it stands for, or null for everything the reader may read.</param>
/// <param name="Title">Its title.</param>
/// <param name="Description">What it holds.</param>
internal sealed record TaxiiCollection(string Id, ChannelId? Channel, string Title, string Description);
