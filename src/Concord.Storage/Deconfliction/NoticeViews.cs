using System.Text.Json;
using Concord.Domain.Deconfliction;
using Concord.Domain.Releasability;

namespace Concord.Storage.Deconfliction;

/// <summary>Renders stored conflicts as what one side may read — its own notice and the state of the exchange.</summary>
internal static class NoticeViews
{
    /// <summary>The stored form of a notice decided by <see cref="Disclosure"/>.</summary>
    public static string Body(ConflictNotice notice) => JsonSerializer.Serialize(
        new NoticeBody(
            notice.Operation.Value,
            notice.From,
            notice.Until,
            [notice.Area.West, notice.Area.South, notice.Area.East, notice.Area.North],
            new ContactView(notice.Contact.Name, notice.Contact.Phone, notice.Contact.Radio, notice.Contact.Email),
            notice.CounterpartParty?.Value,
            notice.CounterpartKind is { } kind ? OperationPlanParser.KindName(kind) : null,
            notice.Internal,
            notice.CounterpartOperation?.Value),
        DeconflictionJson.Default.NoticeBody);

    /// <summary>True when <paramref name="party"/> reads side A of the conflict.</summary>
    public static bool IsSideA(ConflictRow conflict, PartyId party) => conflict.PartyA == party;

    /// <summary>The conflict as <paramref name="party"/> (one of its sides) may read it.</summary>
    public static NoticeView View(ConflictRow conflict, PartyId party)
    {
        var a = IsSideA(conflict, party);
        var body = JsonSerializer.Deserialize((a ? conflict.NoticeA : conflict.NoticeB)!, DeconflictionJson.Default.NoticeBody)!;
        var mine = a ? conflict.AckA : conflict.AckB;
        var theirs = conflict.Internal ? conflict.AckA : a ? conflict.AckB : conflict.AckA;
        return new NoticeView(
            conflict.Id,
            conflict.State.ToString().ToLowerInvariant(),
            body.Operation,
            body.From,
            body.Until,
            body.Area,
            body.Contact,
            body.CounterpartParty,
            body.CounterpartKind,
            body.Internal,
            body.CounterpartOperation,
            mine is not null,
            theirs is not null,
            Resolution(conflict.Resolution, a),
            conflict.Detected,
            conflict.Updated);
    }

    /// <summary>The view as JSON, for the feed.</summary>
    public static string Json(NoticeView view) => JsonSerializer.Serialize(view, DeconflictionJson.Default.NoticeView);

    private static string? Resolution(string? stored, bool sideA)
    {
        if (stored is null)
        {
            return null;
        }

        var colon = stored.IndexOf(':', StringComparison.Ordinal);
        var (by, how) = colon < 0 ? ("system", stored) : (stored[..colon], stored[(colon + 1)..]);
        return by switch
        {
            "system" => how,
            "a" => sideA ? $"{how} (by you)" : $"{how} (by the other side)",
            _ => sideA ? $"{how} (by the other side)" : $"{how} (by you)",
        };
    }
}
