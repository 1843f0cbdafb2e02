using Concord.Domain.Releasability;

namespace Concord.Server.Import;

/// <summary>Reads the default release, caveats and grading of an import from the query string.</summary>
internal static class ReleaseOptionsParser
{
    public static bool TryParse(ImportOptions q, out Release release, out Handling handling, out Grading? grading, out string? error)
    {
        release = Release.None;
        handling = Handling.None;
        grading = null;
        error = null;
        var parties = new List<PartyId>();
        foreach (var p in q.Party ?? [])
        {
            if (!PartyId.TryParse(p, out var party))
            {
                error = $"party: '{p}' is not a party id";
                return false;
            }

            parties.Add(party);
        }

        var channels = new List<ChannelId>();
        foreach (var c in q.Channel ?? [])
        {
            if (!ChannelId.TryParse(c, out var channel))
            {
                error = $"channel: '{c}' is not a channel id";
                return false;
            }

            channels.Add(channel);
        }

        var caveats = Caveats.None;
        foreach (var code in q.Caveat ?? [])
        {
            if (!Handling.TryParseCode(code, out var caveat))
            {
                error = $"caveat: '{code}' is not one of ORCON, H0, H1, H2, H3";
                return false;
            }

            caveats |= caveat;
        }

        if (!Handling.TryCreate(caveats, q.Purpose, q.Restriction, out var h, out var handlingError))
        {
            error = $"caveat: {handlingError}";
            return false;
        }

        if (q.Grading is { Length: > 0 } g)
        {
            if (!Grading.TryParse(g, out var parsed))
            {
                error = "grading: an Admiralty code, A-F then 1-6, e.g. B2";
                return false;
            }

            grading = parsed;
        }

        release = new Release(parties, channels);
        handling = h;
        return true;
    }
}
