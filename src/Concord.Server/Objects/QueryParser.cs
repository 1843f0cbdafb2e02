using System.Globalization;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Storage.Objects;
using Microsoft.AspNetCore.Http;

namespace Concord.Server.Objects;

/// <summary>Reads list/count/export filters from the query string; each bad value is named with its parameter.</summary>
internal static class QueryParser
{
    public static ObjectQuery Parse(IQueryCollection q, Cursor cursors, out string? error)
    {
        error = null;
        var query = new ObjectQuery();
        if (q["type"].ToString() is { Length: > 0 } type)
        {
            if (!StixTypes.IsValidTypeName(type))
            {
                error = $"type: '{type}' is not a STIX type name";
                return query;
            }

            query = query with { Type = type };
        }

        if (q["q"].ToString() is { Length: > 0 } text)
        {
            if (text.Length > 500)
            {
                error = "q: at most 500 characters";
                return query;
            }

            query = query with { Text = text };
        }

        if (q["originator"].ToString() is { Length: > 0 } originator)
        {
            if (!PartyId.TryParse(originator, out var party))
            {
                error = "originator: not a party id";
                return query;
            }

            query = query with { Originator = party };
        }

        if (q["channel"].ToString() is { Length: > 0 } channelText)
        {
            if (!ChannelId.TryParse(channelText, out var channel))
            {
                error = "channel: not a channel id";
                return query;
            }

            query = query with { Channel = channel };
        }

        if (q["modified_after"].ToString() is { Length: > 0 } after)
        {
            if (!StixTimestamp.TryParse(after, out var ts))
            {
                error = "modified_after: not an RFC 3339 UTC timestamp like 2024-03-22T00:00:00.000Z";
                return query;
            }

            query = query with { ModifiedAfter = ts.Ticks };
        }

        if (q["modified_before"].ToString() is { Length: > 0 } before)
        {
            if (!StixTimestamp.TryParse(before, out var ts))
            {
                error = "modified_before: not an RFC 3339 UTC timestamp like 2024-03-22T00:00:00.000Z";
                return query;
            }

            query = query with { ModifiedBefore = ts.Ticks };
        }

        if (q["tlp"].ToString() is { Length: > 0 } tlpText)
        {
            if (!Tlp.TryParse(tlpText, out var tlp))
            {
                error = "tlp: one of clear, green, amber, amber+strict, red";
                return query;
            }

            query = query with { Tlp = tlp };
        }

        if (!TryFlag(q, "received", out var received, ref error) || !TryFlag(q, "newest_first", out var newestFirst, ref error))
        {
            return query;
        }

        query = query with { ReceivedOnly = received, NewestFirst = newestFirst };

        if (q["limit"].ToString() is { Length: > 0 } limitText)
        {
            if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit is < 1 or > ObjectQuery.MaxLimit)
            {
                error = $"limit: a whole number from 1 to {ObjectQuery.MaxLimit}";
                return query;
            }

            query = query with { Limit = limit };
        }

        if (q["cursor"].ToString() is { Length: > 0 } cursorText)
        {
            if (!cursors.TryOpen(cursorText, out var cursor))
            {
                error = "cursor: not a cursor this server handed out";
                return query;
            }

            query = query with { After = cursor };
        }

        return query;
    }

    private static bool TryFlag(IQueryCollection q, string name, out bool value, ref string? error)
    {
        value = false;
        var text = q[name].ToString();
        if (text.Length == 0 || text == "false")
        {
            return true;
        }

        if (text == "true")
        {
            value = true;
            return true;
        }

        error = $"{name}: true or false";
        return false;
    }
}
