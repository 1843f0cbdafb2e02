using Concord.Domain.Releasability;
using Concord.Domain.Stix;

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

    /// <summary>Only versions modified before this instant (ticks).</summary>
    public long? ModifiedBefore { get; init; }

    /// <summary>Only versions with this TLP level (an unmarked version has none and never matches).</summary>
    public TlpLevel? Tlp { get; init; }

    /// <summary>Only versions the reader received: those whose originator is another party.</summary>
    public bool ReceivedOnly { get; init; }

    /// <summary>
    /// Only relationships and sightings that point at this object (<c>source_ref</c>, <c>target_ref</c> or
    /// <c>sighting_of_ref</c>); the object at the other end is not checked here.
    /// </summary>
    public StixId? References { get; init; }

    /// <summary>
    /// Every readable version rather than each object's latest readable one: the feed a peer or TAXII client syncs
    /// from, in store order.
    /// </summary>
    public bool AllVersions { get; init; }

    /// <summary>Only versions the node stored after this instant (ticks).</summary>
    public long? AddedAfter { get; init; }

    /// <summary>Newest stored first (descending store order) instead of oldest first.</summary>
    public bool NewestFirst { get; init; }

    /// <summary>
    /// The cursor: only versions stored after this store sequence number, or before it when
    /// <see cref="NewestFirst"/> is set.
    /// </summary>
    public long? After { get; init; }

    /// <summary>Page size.</summary>
    public int Limit { get; init; } = DefaultLimit;
}
