using Concord.Domain.Releasability;

namespace Concord.Storage.Objects;

/// <summary>Filters for listing, counting and exporting objects. Every filter narrows what the reader may read; none widens it.</summary>
public sealed record ObjectQuery
{
    /// <summary>The default page size.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The largest page size.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Only this STIX type.</summary>
    public string? Type { get; init; }

    /// <summary>Words to find in names, aliases, descriptions and values (all must match; each as a prefix).</summary>
    public string? Text { get; init; }

    /// <summary>Only versions of this originator.</summary>
    public PartyId? Originator { get; init; }

    /// <summary>Only versions released to this channel (one the reader is a member of).</summary>
    public ChannelId? Channel { get; init; }

    /// <summary>Only versions modified after this instant (ticks).</summary>
    public long? ModifiedAfter { get; init; }

    /// <summary>Only versions stored after this store sequence number (the cursor).</summary>
    public long? After { get; init; }

    /// <summary>Page size.</summary>
    public int Limit { get; init; } = DefaultLimit;
}
