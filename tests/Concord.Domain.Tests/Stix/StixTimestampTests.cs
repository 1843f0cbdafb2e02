using System.Globalization;
using CsCheck;
using Concord.Domain.Stix;

namespace Concord.Domain.Tests.Stix;

public sealed class StixTimestampTests
{
    private static readonly Gen<DateTime> Instant = Gen.Long[0, DateTime.MaxValue.Ticks].Select(t => new DateTime(t, DateTimeKind.Utc));

    /// <summary>An instant written with 0-7 fractional digits, and the instant that text stands for.</summary>
    private static readonly Gen<(string Text, DateTime Instant, int Digits)> Written =
        Gen.Select(Instant, Gen.Int[0, 7]).Select((instant, digits) =>
        {
            var unit = (long)Math.Pow(10, 7 - digits);
            var truncated = new DateTime(instant.Ticks - (instant.Ticks % unit), DateTimeKind.Utc);
            var fraction = digits == 0 ? string.Empty : "." + new string('f', digits);
            return (truncated.ToString($"yyyy-MM-dd'T'HH:mm:ss{fraction}'Z'", CultureInfo.InvariantCulture), truncated, digits);
        });

    [Fact]
    public void Any_written_timestamp_parses_to_its_instant_and_precision()
    {
        Written.Sample(w =>
        {
            var ts = StixTimestamp.Parse(w.Text);

            Assert.Equal(w.Instant.Ticks, ts.Ticks);
            Assert.Equal(w.Digits, ts.FractionDigits);
            Assert.Equal(w.Digits >= 3, ts.HasMillisecondPrecision);
            Assert.Equal(new DateTimeOffset(w.Instant), ts.Value);
        });
    }

    [Fact]
    public void Formatting_then_parsing_gives_the_same_instant_and_text()
    {
        Instant.Sample(instant =>
        {
            var ts = StixTimestamp.FromTicks(instant.Ticks);
            var text = ts.ToString();
            var again = StixTimestamp.Parse(text);

            Assert.Equal(ts.Ticks, again.Ticks);
            Assert.Equal(text, again.ToString());
            Assert.True(again.HasMillisecondPrecision);
        });
    }

    [Theory]
    [InlineData("2024-03-22T17:58:00.000Z", "2024-03-22T17:58:00.000Z")]
    [InlineData("2024-03-22T17:58:00Z", "2024-03-22T17:58:00.000Z")]
    [InlineData("2024-03-22T17:58:00.1Z", "2024-03-22T17:58:00.100Z")]
    [InlineData("2024-03-22T17:58:00.1234Z", "2024-03-22T17:58:00.1234000Z")]
    [InlineData("2024-03-22T17:58:00.1234567Z", "2024-03-22T17:58:00.1234567Z")]
    [InlineData("2024-03-22T17:58:00.123456700Z", "2024-03-22T17:58:00.1234567Z")]
    public void Timestamps_are_written_with_milliseconds_or_the_full_precision_they_carry(string text, string written)
    {
        Assert.Equal(written, StixTimestamp.Parse(text).ToString());
    }

    [Fact]
    public void Ordering_of_timestamps_is_the_ordering_of_their_instants()
    {
        Gen.Select(Written, Written).Sample((a, b) =>
        {
            var x = StixTimestamp.Parse(a.Text);
            var y = StixTimestamp.Parse(b.Text);
            var expected = Math.Sign(DateTime.Compare(a.Instant, b.Instant));

            Assert.Equal(expected, Math.Sign(x.CompareTo(y)));
            Assert.Equal(expected < 0, x < y);
            Assert.Equal(expected > 0, x > y);
            Assert.Equal(expected <= 0, x <= y);
            Assert.Equal(expected >= 0, x >= y);
        });
    }

    [Fact]
    public void The_same_instant_written_with_more_digits_is_equal_in_order()
    {
        var a = StixTimestamp.Parse("2016-01-01T00:00:00Z");
        var b = StixTimestamp.Parse("2016-01-01T00:00:00.000000Z");

        Assert.Equal(0, a.CompareTo(b));
        Assert.True(a <= b && a >= b);
    }

    [Fact]
    public void A_leap_second_falls_on_the_first_instant_of_the_next_minute_and_keeps_order()
    {
        var before = StixTimestamp.Parse("2016-12-31T23:59:59.999Z");
        var leap = StixTimestamp.Parse("2016-12-31T23:59:60.000Z");
        var leapAndAHalf = StixTimestamp.Parse("2016-12-31T23:59:60.5Z");
        var next = StixTimestamp.Parse("2017-01-01T00:00:00.000Z");

        Assert.True(before < leap);
        Assert.Equal(next.Ticks, leap.Ticks);
        Assert.Equal(next.Ticks + (TimeSpan.TicksPerSecond / 2), leapAndAHalf.Ticks);
        Assert.Equal("2017-01-01T00:00:00.000Z", leap.ToString());
    }

    [Fact]
    public void A_leap_second_after_the_last_representable_instant_is_refused()
    {
        Assert.False(StixTimestamp.TryParse("9999-12-31T23:59:60Z", out _));
        Assert.True(StixTimestamp.TryParse("9999-12-31T23:59:59.9999999Z", out var last));
        Assert.Equal(DateTime.MaxValue.Ticks, last.Ticks);
    }

    [Theory]
    [InlineData("2016-01-01T00:00:00Z", 0, false)]
    [InlineData("2016-01-01T00:00:00.1Z", 1, false)]
    [InlineData("2016-01-01T00:00:00.12Z", 2, false)]
    [InlineData("2016-01-01T00:00:00.123Z", 3, true)]
    [InlineData("2016-01-01T00:00:00.123456Z", 6, true)]
    public void Millisecond_precision_needs_three_fractional_digits(string text, int digits, bool millis)
    {
        var ts = StixTimestamp.Parse(text);

        Assert.Equal(digits, ts.FractionDigits);
        Assert.Equal(millis, ts.HasMillisecondPrecision);
    }

    [Fact]
    public void Digits_beyond_a_hundred_nanoseconds_are_accepted_only_when_zero()
    {
        Assert.True(StixTimestamp.TryParse("2016-01-01T00:00:00.12345670000Z", out var zeros));
        Assert.Equal(StixTimestamp.Parse("2016-01-01T00:00:00.1234567Z").Ticks, zeros.Ticks);
        Assert.False(StixTimestamp.TryParse("2016-01-01T00:00:00.12345678Z", out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2016-01-01")]
    [InlineData("2016-01-01T00:00:00")]
    [InlineData("2016-01-01T00:00:00.000")]
    [InlineData("2016-01-01T00:00:00.000z")]
    [InlineData("2016-01-01t00:00:00.000Z")]
    [InlineData("2016-01-01 00:00:00.000Z")]
    [InlineData("2016-01-01T00:00:00.000+00:00")]
    [InlineData("2016-01-01T00:00:00.Z")]
    [InlineData("2016-01-01T00:00:00,000Z")]
    [InlineData("2016-01-01T00:00:00.0a0Z")]
    [InlineData("2016-1-01T00:00:00.000Z")]
    [InlineData("0000-01-01T00:00:00.000Z")]
    [InlineData("2016-00-01T00:00:00.000Z")]
    [InlineData("2016-13-01T00:00:00.000Z")]
    [InlineData("2016-01-00T00:00:00.000Z")]
    [InlineData("2016-01-32T00:00:00.000Z")]
    [InlineData("2023-02-29T00:00:00.000Z")]
    [InlineData("2016-04-31T00:00:00.000Z")]
    [InlineData("2016-01-01T24:00:00.000Z")]
    [InlineData("2016-01-01T00:60:00.000Z")]
    [InlineData("2016-01-01T00:00:61.000Z")]
    [InlineData(" 2016-01-01T00:00:00.000Z")]
    [InlineData("+2016-01-01T00:00:00.000Z")]
    public void Text_that_is_not_an_rfc_3339_utc_timestamp_is_refused(string? text)
    {
        Assert.False(StixTimestamp.TryParse(text, out _));
        if (text is not null)
        {
            Assert.Throws<FormatException>(() => StixTimestamp.Parse(text));
        }
    }

    [Fact]
    public void February_29_exists_only_in_leap_years()
    {
        Assert.True(StixTimestamp.TryParse("2024-02-29T12:00:00.000Z", out _));
        Assert.True(StixTimestamp.TryParse("2000-02-29T12:00:00.000Z", out _));
        Assert.False(StixTimestamp.TryParse("1900-02-29T12:00:00.000Z", out _));
    }

    [Fact]
    public void An_instant_from_the_clock_is_kept_to_the_millisecond()
    {
        var instant = new DateTimeOffset(2024, 3, 22, 17, 58, 0, TimeSpan.FromHours(5)).AddTicks(1_234_567);

        var ts = StixTimestamp.FromDateTimeOffset(instant);

        Assert.Equal("2024-03-22T12:58:00.123Z", ts.ToString());
        Assert.True(ts.HasMillisecondPrecision);
    }
}
