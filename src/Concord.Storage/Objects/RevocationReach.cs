using Concord.Domain.Releasability;

namespace Concord.Storage.Objects;

/// <summary>
/// Revocation travels to everyone who had the object: a revoking version is released to its own release plus
/// the release of every earlier version by the same originator (and an earlier version imported after the
/// revocation adds its release to the revocation's).
/// </summary>
internal static class RevocationReach
{
    public static Release Widen(Release own, IEnumerable<(int Kind, string Target)> earlier)
    {
        var parties = new List<PartyId>(own.Parties);
        var channels = new List<ChannelId>(own.Channels);
        foreach (var (kind, target) in earlier)
        {
            if (kind == VersionRow.PartyKind)
            {
                parties.Add(PartyId.Parse(target));
            }
            else
            {
                channels.Add(ChannelId.Parse(target));
            }
        }

        return new Release(parties, channels);
    }
}
