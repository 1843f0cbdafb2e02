using Concord.Domain.Deconfliction;
using Concord.Domain.Directory;
using Concord.Domain.Releasability;

namespace Concord.Domain.Tests.Deconfliction;

/// <summary>Builders for operations in tests.</summary>
internal static class Ops
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static OperationVersion Make(
        Area area,
        DateTimeOffset? start = null,
        TimeSpan? duration = null,
        string party = "us-dni",
        TimeSpan margin = default,
        AltitudeBand? altitude = null,
        OperationStatus status = OperationStatus.Active,
        Reveal reveal = Reveal.Nothing,
        Sensitivity sensitivity = Sensitivity.Routine,
        OperationKind kind = OperationKind.GroundRaid)
    {
        var from = start ?? T0;
        var partyId = PartyId.Parse(party);
        var contact = new DutyContact(MemberId.Of("duty", partyId), $"Duty {party}", "+1 555 0100", null, null);
        var plan = new OperationPlan(kind, area, TimeWindow.Create(from, from + (duration ?? TimeSpan.FromHours(3)), margin), altitude, sensitivity, contact, reveal, "ref-" + party);
        return new OperationVersion(OperationId.New(), 1, partyId, MemberId.Of("duty", partyId), T0, status, plan);
    }

    /// <summary>The point <paramref name="km"/> kilometres from (lat, lon) on azimuth <paramref name="degrees"/>, as (lon, lat).</summary>
    public static (double Lon, double Lat) Offset(double lat, double lon, double degrees, double km)
    {
        var (la, lo) = Geodesic.Direct(lat, lon, degrees * Math.PI / 180, km * 1000);
        return (lo, la);
    }
}
