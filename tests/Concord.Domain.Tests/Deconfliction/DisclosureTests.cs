using Concord.Domain.Deconfliction;
using Concord.Domain.Releasability;

namespace Concord.Domain.Tests.Deconfliction;

public sealed class DisclosureTests
{
    [Fact]
    public void Each_side_learns_the_span_a_coarse_area_and_the_other_contact_only()
    {
        var us = Ops.Make(Area.Circle(34.531, 69.172, 2_000), Ops.T0.AddMinutes(7), TimeSpan.FromHours(2), kind: OperationKind.AirStrike);
        var ru = Ops.Make(Area.Circle(34.54, 69.18, 1_500), Ops.T0.AddMinutes(50), TimeSpan.FromHours(3), party: "ru-fsb", kind: OperationKind.Surveillance);
        var conflict = Assert.Single(new[] { ru }.SelectMany(r => ConflictRule.BruteForce([r], us)));

        var notices = Disclosure.Notices(conflict, DisclosurePolicy.Default);

        Assert.Equal(2, notices.Count);
        var toUs = notices.Single(n => n.Recipient == us.Party);
        var toRu = notices.Single(n => n.Recipient == ru.Party);
        Assert.Equal(us.Id, toUs.Operation);
        Assert.Equal(ru.Id, toRu.Operation);
        Assert.Equal("Duty ru-fsb", toUs.Contact.Name);
        Assert.Equal("Duty us-dni", toRu.Contact.Name);
        Assert.Null(toUs.CounterpartParty);
        Assert.Null(toUs.CounterpartKind);
        Assert.Null(toUs.CounterpartOperation);
        Assert.False(toUs.Internal);
        Assert.Equal(Ops.T0.AddMinutes(45), toUs.From);
        Assert.Equal(Ops.T0.AddHours(2).AddMinutes(15), toUs.Until);
        Assert.Equal(toUs.Area, toRu.Area);
        Assert.Equal(new LonLatBox(69.1, 34.5, 69.2, 34.6), toUs.Area);
    }

    [Fact]
    public void A_party_that_reveals_itself_and_its_kind_is_named()
    {
        var us = Ops.Make(Area.Circle(34.5, 69.2, 2_000), reveal: Reveal.Party | Reveal.Kind, kind: OperationKind.HumanitarianDelivery);
        var ru = Ops.Make(Area.Circle(34.5, 69.2, 2_000), party: "ru-fsb");

        var notices = Disclosure.Notices(ConflictRule.BruteForce([ru], us).Single(), DisclosurePolicy.Default);

        var toRu = notices.Single(n => n.Recipient == ru.Party);
        Assert.Equal(PartyId.Parse("us-dni"), toRu.CounterpartParty);
        Assert.Equal(OperationKind.HumanitarianDelivery, toRu.CounterpartKind);
        var toUs = notices.Single(n => n.Recipient == us.Party);
        Assert.Null(toUs.CounterpartParty);
        Assert.Null(toUs.CounterpartKind);
    }

    [Fact]
    public void Overlaps_within_one_party_are_one_internal_note()
    {
        var first = Ops.Make(Area.Circle(34.5, 69.2, 2_000));
        var second = Ops.Make(Area.Circle(34.5, 69.2, 2_000));

        var note = Assert.Single(Disclosure.Notices(ConflictRule.BruteForce([second], first).Single(), DisclosurePolicy.Default));

        Assert.True(note.Internal);
        Assert.Equal(second.Id, note.CounterpartOperation);
    }

    [Fact]
    public void The_more_sensitive_side_decides_how_coarse_the_area_is()
    {
        var us = Ops.Make(Area.Circle(34.531, 69.172, 500));
        var ru = Ops.Make(Area.Circle(34.532, 69.173, 500), party: "ru-fsb", sensitivity: Sensitivity.HighlySensitive);

        var notice = Disclosure.Notices(ConflictRule.BruteForce([ru], us).Single(), DisclosurePolicy.Default)[0];

        Assert.Equal(new LonLatBox(69, 34.5, 69.5, 35), notice.Area);
    }

    [Fact]
    public void The_coarse_area_across_the_antimeridian_stays_small()
    {
        var a = Ops.Make(Area.Circle(10, 179.99, 3_000));
        var b = Ops.Make(Area.Circle(10, -179.99, 3_000), party: "ru-fsb");

        var notice = Disclosure.Notices(ConflictRule.BruteForce([b], a).Single(), DisclosurePolicy.Default)[0];

        Assert.True(notice.Area.CrossesAntimeridian);
        Assert.Equal(0.2, notice.Area.LongitudeSpan, 1e-9);
        Assert.True(notice.Area.Contains(10, 180));
    }

    [Fact]
    public void The_coarse_area_at_a_pole_spans_every_longitude()
    {
        var a = Ops.Make(Area.Circle(89.99, 0, 3_000));
        var b = Ops.Make(Area.Circle(89.99, 180, 3_000), party: "ru-fsb");

        var notice = Disclosure.Notices(ConflictRule.BruteForce([b], a).Single(), DisclosurePolicy.Default)[0];

        Assert.Equal(new LonLatBox(-180, 89.9, 180, 90), notice.Area);
    }

    [Fact]
    public void The_coarse_area_contains_the_true_overlap_for_a_polygon_and_a_route()
    {
        var polygon = Area.Polygon([[(66.0, 36.0), (67.0, 36.0), (67.0, 37.0), (66.0, 37.0), (66.0, 36.0)]]);
        var route = Area.Route([(65.5, 36.5), (66.2, 36.55)], 1_000);
        var a = Ops.Make(polygon);
        var b = Ops.Make(route, party: "ru-fsb");

        var notice = Disclosure.Notices(ConflictRule.BruteForce([b], a).Single(), DisclosurePolicy.Default)[0];

        Assert.True(notice.Area.Contains(36.52, 66.1));
        Assert.True(notice.Area.West <= 66.0 && notice.Area.East >= 66.2);
        Assert.True(notice.Area.South <= 36.5 && notice.Area.North >= 36.55);
    }
}
