using Concord.Domain.Deconfliction;

namespace Concord.Domain.Tests.Deconfliction;

public sealed class ConflictRuleTests
{
    private static readonly Area Kabul = Area.Circle(34.53, 69.17, 5_000);

    [Fact]
    public void Windows_that_touch_do_not_conflict_half_open()
    {
        var first = Ops.Make(Kabul, Ops.T0, TimeSpan.FromHours(6));
        var second = Ops.Make(Kabul, Ops.T0.AddHours(6), TimeSpan.FromHours(3), party: "ru-fsb");

        Assert.Null(ConflictRule.Overlap(first, second));
    }

    [Fact]
    public void Margins_make_touching_windows_conflict()
    {
        var first = Ops.Make(Kabul, Ops.T0, TimeSpan.FromHours(6), margin: TimeSpan.FromMinutes(1));
        var second = Ops.Make(Kabul, Ops.T0.AddHours(6), TimeSpan.FromHours(3), party: "ru-fsb");

        var span = ConflictRule.Overlap(first, second);

        Assert.Equal((Ops.T0.AddHours(6), Ops.T0.AddHours(6).AddMinutes(1)), span);
    }

    [Fact]
    public void Altitude_bands_that_touch_do_not_conflict_and_a_missing_band_conflicts_with_any()
    {
        var low = Ops.Make(Kabul, altitude: AltitudeBand.Create(0, 3_000));
        var high = Ops.Make(Kabul, altitude: AltitudeBand.Create(3_000, 6_000), party: "ru-fsb");
        var any = Ops.Make(Kabul, party: "pk-isi");

        Assert.Null(ConflictRule.Overlap(low, high));
        Assert.NotNull(ConflictRule.Overlap(low, any));
        Assert.NotNull(ConflictRule.Overlap(high, any));
    }

    [Fact]
    public void Cancelled_and_completed_operations_conflict_with_nothing()
    {
        var active = Ops.Make(Kabul);

        Assert.Null(ConflictRule.Overlap(active, Ops.Make(Kabul, party: "ru-fsb", status: OperationStatus.Cancelled)));
        Assert.Null(ConflictRule.Overlap(active, Ops.Make(Kabul, party: "ru-fsb", status: OperationStatus.Completed)));
        Assert.Null(ConflictRule.Overlap(active, active));
    }

    [Fact]
    public void Windows_that_end_before_they_start_or_span_months_are_refused()
    {
        Assert.False(TimeWindow.TryCreate(Ops.T0, Ops.T0.AddHours(-1), TimeSpan.Zero, DeconflictionLimits.Default, out _, out var backwards));
        Assert.Contains(backwards, e => e.Pointer == "end" && e.Message.Contains("before it starts", StringComparison.Ordinal));

        Assert.False(TimeWindow.TryCreate(Ops.T0, Ops.T0.AddDays(60), TimeSpan.Zero, DeconflictionLimits.Default, out _, out var months));
        Assert.Contains(months, e => e.Message.Contains("31 days", StringComparison.Ordinal));

        Assert.False(TimeWindow.TryCreate(Ops.T0.ToOffset(TimeSpan.FromHours(4.5)), Ops.T0.AddHours(1), TimeSpan.Zero, DeconflictionLimits.Default, out _, out var local));
        Assert.Contains(local, e => e.Pointer == "start");
    }
}
