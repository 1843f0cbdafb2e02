namespace Concord.Domain.Releasability;

/// <summary>
/// The one rule of Concord: a party reads an object version only if it is the originator, or the version is
/// released to it directly or through a channel it is a member of. Every read path — get, list, search,
/// count, history, export, TAXII, errors — is decided here or by a storage filter proved equal to it.
/// </summary>
public static class ReleasabilityRule
{
    /// <summary>True when <paramref name="reader"/> may read a version with this originator and release.</summary>
    public static bool CanRead(Reader reader, PartyId originator, Release release)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(release);
        return reader.Party == originator
            || release.Parties.Contains(reader.Party)
            || release.Channels.Overlaps(reader.Channels);
    }

    /// <summary>True when <paramref name="reader"/> may read a version with this distribution.</summary>
    public static bool CanRead(Reader reader, Distribution distribution) =>
        CanRead(reader, distribution.Originator, distribution.Release);

    /// <summary>
    /// The part of a release a reader may know of: all of it for the originator; for a recipient, only itself
    /// (when released to it directly) and the channels it is a member of. Other recipients stay hidden.
    /// </summary>
    public static Release VisibleRelease(Reader reader, PartyId originator, Release release)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(release);
        if (reader.Party == originator)
        {
            return release;
        }

        return new Release(
            release.Parties.Where(p => p == reader.Party),
            release.Channels.Where(reader.Channels.Contains));
    }
}
