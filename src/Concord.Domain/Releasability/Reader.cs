using System.Collections.Frozen;

namespace Concord.Domain.Releasability;

/// <summary>
/// Who is reading: a party and the channels it is a member of, resolved once per request. There is no
/// anonymous reader: every read path needs one.
/// </summary>
public sealed class Reader
{
    /// <summary>Creates a reader.</summary>
    public Reader(PartyId party, IEnumerable<ChannelId> channels)
    {
        if (party.Value is null)
        {
            throw new ArgumentException("A reader needs a party.", nameof(party));
        }

        Party = party;
        Channels = channels.ToFrozenSet();
    }

    /// <summary>The reading party.</summary>
    public PartyId Party { get; }

    /// <summary>The channels the party is a member of.</summary>
    public FrozenSet<ChannelId> Channels { get; }

    /// <inheritdoc />
    public override string ToString() => Party.Value;
}
