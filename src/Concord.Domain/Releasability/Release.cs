using System.Collections.ObjectModel;

namespace Concord.Domain.Releasability;

/// <summary>
/// The set of channels and parties an object version is released to. The originator is never listed: it
/// always reads its own versions. An empty release keeps a version with its originator.
/// </summary>
public sealed class Release : IEquatable<Release>
{
    /// <summary>A release to nobody but the originator.</summary>
    public static readonly Release None = new([], []);

    /// <summary>Creates a release.</summary>
    public Release(IEnumerable<PartyId> parties, IEnumerable<ChannelId> channels)
    {
        // Plain hash sets behind a read-only view: a release is made for every imported object, and a frozen
        // set's up-front analysis costs more than the few lookups a release ever serves.
        Parties = ReadOnly(parties);
        Channels = ReadOnly(channels);
    }

    /// <summary>Parties the version is released to directly.</summary>
    public IReadOnlySet<PartyId> Parties { get; }

    /// <summary>Channels the version is released to; every member party of each reads it.</summary>
    public IReadOnlySet<ChannelId> Channels { get; }

    private static ReadOnlySet<T> ReadOnly<T>(IEnumerable<T> items)
    {
        var set = new HashSet<T>(items);
        return set.Count == 0 ? ReadOnlySet<T>.Empty : new ReadOnlySet<T>(set);
    }

    /// <summary>True when the version stays with its originator.</summary>
    public bool IsEmpty => Parties.Count == 0 && Channels.Count == 0;

    /// <summary>The union of two releases.</summary>
    public Release Union(Release other) => new(Parties.Union(other.Parties), Channels.Union(other.Channels));

    /// <summary>True when every party and channel of this release is also in <paramref name="other"/>.</summary>
    public bool IsSubsetOf(Release other) => Parties.IsSubsetOf(other.Parties) && Channels.IsSubsetOf(other.Channels);

    /// <inheritdoc />
    public bool Equals(Release? other) => other is not null && Parties.SetEquals(other.Parties) && Channels.SetEquals(other.Channels);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Release);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Parties.Count, Channels.Count);

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(", ", Channels.OrderBy(c => c.Value, StringComparer.Ordinal).Select(c => "channel:" + c.Value).Concat(Parties.OrderBy(p => p.Value, StringComparer.Ordinal).Select(p => "party:" + p.Value)));
}
