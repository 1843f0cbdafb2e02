using System.Globalization;
using System.Text.Json;
using Concord.Domain.Directory;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Storage.Access;

namespace Concord.Storage.Tests.Deconfliction;

/// <summary>A test's own parties, each with a duty officer, in a shared store; and operation bodies to register.</summary>
public sealed class OpsWorld(IConcordStore store)
{
    private static int _worlds;

    private readonly string _tag = Guid.NewGuid().ToString("N")[..6];

    /// <summary>
    /// This world's own stretch of time: deconfliction is node-wide, so worlds sharing a store keep apart in time
    /// (three days each) rather than by party.
    /// </summary>
    public DateTimeOffset T0 { get; } = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero).AddDays(3 * Interlocked.Increment(ref _worlds));

    public IConcordStore Store { get; } = store;

    public async Task<Actor> DutyAsync(string name, MemberRole role = MemberRole.DutyOfficer)
    {
        var party = PartyId.Parse($"{name}-{_tag}");
        if (await Store.Directory.GetPartyAsync(party, CancellationToken.None) is null)
        {
            await Store.Directory.AddPartyAsync(new Party(party, name, null, PartyKind.StateService, StixId.New("identity")), CancellationToken.None);
        }

        var member = MemberId.Of(role == MemberRole.DutyOfficer ? "duty" : role.ToString().ToLowerInvariant(), party);
        if (await Store.Directory.GetMemberAsync(member, CancellationToken.None) is null)
        {
            await Store.Directory.AddMemberAsync(new Member(member, "Duty officer", role), CancellationToken.None);
        }

        return new Actor(member, role, new Reader(party, []));
    }

    /// <summary>A circle operation body, contact the party's duty officer.</summary>
    public JsonElement Circle(Actor actor, double lat, double lon, double radius, DateTimeOffset? start = null, double hours = 3, string extra = "")
    {
        var from = start ?? T0;
        var json = string.Create(
            CultureInfo.InvariantCulture,
            $$$"""
            {"kind":"ground_raid","area":{"type":"Feature","geometry":{"type":"Point","coordinates":[{{{lon}}},{{{lat}}}]},"properties":{"radius_m":{{{radius}}}}},
             "start":"{{{from.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}}","end":"{{{from.AddHours(hours).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}}","margin_minutes":0,
             "sensitivity":"routine","contact":{"member":"duty@{{{actor.Party!.Value.Value}}}","name":"Watch desk {{{actor.Party!.Value.Value.Split('-')[0].ToUpperInvariant()}}}","phone":"+1 555 0100"},
             "reference":"secret-ref-{{{actor.Party!.Value.Value}}}"{{{extra}}}}
            """);
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
