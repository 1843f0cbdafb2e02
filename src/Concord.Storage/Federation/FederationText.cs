using Concord.Domain.Releasability;

namespace Concord.Storage.Federation;

/// <summary>How federation rows keep a release as text: comma-separated party ids and channel ids.</summary>
internal static class FederationText
{
    public static Release ReleaseOf(string parties, string channels) =>
        new(
            parties.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(PartyId.Parse),
            channels.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ChannelId.Parse));
}
