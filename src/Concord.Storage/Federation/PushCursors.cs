using System.Globalization;
using Concord.Domain.Releasability;

namespace Concord.Storage.Federation;

/// <summary>
/// The push cursors of the sync engine: one per (peer, peer's party), a store key after which versions that party may
/// read are still to be pushed. A release added to a version already stored (a forward) does not make a new store
/// key, so the cursors of the parties it newly reaches are moved back to just before that version.
/// </summary>
public static class PushCursors
{
    /// <summary>The cursor stream of a peer's party.</summary>
    public static string Stream(PartyId party) => "push:" + party.Value;

    /// <summary>
    /// Makes sure version <paramref name="versionPk"/> is pushed again to the nodes hosting the parties of
    /// <paramref name="added"/> (directly or through a channel's members).
    /// </summary>
    public static async Task RewindForAsync(IConcordStore store, long versionPk, Release added, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(added);
        var reached = added.Parties.ToHashSet();
        foreach (var channel in added.Channels)
        {
            reached.UnionWith(await store.Directory.ListChannelMembersAsync(channel, cancellationToken));
        }

        foreach (var party in (await store.Directory.ListPartiesAsync(cancellationToken)).Where(p => p.Node is not null && reached.Contains(p.Id)))
        {
            var stream = Stream(party.Id);
            var saved = await store.Federation.GetCursorAsync(party.Node!.Value, stream, cancellationToken);
            if (long.TryParse(saved, NumberStyles.None, CultureInfo.InvariantCulture, out var after) && after >= versionPk)
            {
                await store.Federation.SetCursorAsync(party.Node.Value, stream, (versionPk - 1).ToString(CultureInfo.InvariantCulture), cancellationToken);
            }
        }
    }
}
