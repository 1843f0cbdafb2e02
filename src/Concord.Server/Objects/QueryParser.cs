using System.Globalization;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Storage.Objects;

namespace Concord.Server.Objects;

/// <summary>Reads list/count/export filters from the query string; each bad value is named with its parameter.</summary>
internal static class QueryParser
{
    public static ObjectQuery Parse(ObjectFilters q, Cursor cursors, out string? error)
    {
        error = null;
        var query = new ObjectQuery();
        if (q.Type is { Length: > 0 } type)
        {
            if (!StixTypes.IsValidTypeName(type))
            {
                error = $"type: '{type}' is not a STIX type name";
                return query;
            }

            query = query with { Type = type };
        }

        if (q.Q is { Length: > 0 } text)
        {
            if (text.Length > 500)
            {
                error = "q: at most 500 characters";
                return query;
            }

            query = query with { Text = text };
        }

        if (q.Originator is { Length: > 0 } originator)
        {
            if (!PartyId.TryParse(originator, out var party))
            {
                error = "originator: not a party id";
                return query;
            }

            query = query with { Originator = party };
        }

        if (q.Channel is { Length: > 0 } channelText)
        {
            if (!ChannelId.TryParse(channelText, out var channel))
            {
                error = "channel: not a channel id";
                return query;
            }

            query = query with { Channel = channel };
        }

        if (q.ModifiedAfter is { Length: > 0 } after)
        {
            if (!StixTimestamp.TryParse(after, out var ts))
            {
                error = "modified_after: not an RFC 3339 UTC timestamp like 2024-03-22T00:00:00.000Z";
                return query;
            }

            query = query with { ModifiedAfter = ts.Ticks };
        }

        if (q.ModifiedBefore is { Length: > 0 } before)
        {
            if (!StixTimestamp.TryParse(before, out var ts))
            {
                error = "modified_before: not an RFC 3339 UTC timestamp like 2024-03-22T00:00:00.000Z";
                return query;
            }

            query = query with { ModifiedBefore = ts.Ticks };
        }

        if (q.Tlp is { Length: > 0 } tlpText)
        {
            if (!Tlp.TryParse(tlpText, out var tlp))
            {
                error = "tlp: one of clear, green, amber, amber+strict, red";
                return query;
            }

            query = query with { Tlp = tlp };
        }

        if (!TryFlag(q.Received, "received", out var received, ref error) || !TryFlag(q.NewestFirst, "newest_first", out var newestFirst, ref error))
        {
            return query;
        }

        query = query with { ReceivedOnly = received, NewestFirst = newestFirst };

        if (q.Limit is { Length: > 0 } limitText)
        {
            if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit is < 1 or > ObjectQuery.MaxLimit)
            {
                error = $"limit: a whole number from 1 to {ObjectQuery.MaxLimit}";
                return query;
            }

            query = query with { Limit = limit };
        }

        if (q.Cursor is { Length: > 0 } cursorText)
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

    private static bool TryFlag(string? text, string name, out bool value, ref string? error)
    {
        value = false;
        if (string.IsNullOrEmpty(text) || text == "false")
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
