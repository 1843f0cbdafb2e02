using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Concord.Domain.Stix;

/// <summary>
/// A STIX timestamp: RFC 3339 in UTC with an upper-case <c>T</c> and <c>Z</c>, e.g.
/// <c>2024-03-22T17:58:00.000Z</c>. Held as 100-nanosecond ticks; digits beyond that precision are rejected
/// rather than silently rounded, so ordering by ticks is exact.
/// </summary>
public readonly record struct StixTimestamp : IComparable<StixTimestamp>
{
    private StixTimestamp(long ticks, int fractionDigits)
    {
        Ticks = ticks;
        FractionDigits = fractionDigits;
    }

    /// <summary>UTC ticks (100 ns since 0001-01-01).</summary>
    public long Ticks { get; }

    /// <summary>How many fractional-second digits the text carried (0–7).</summary>
    public int FractionDigits { get; }

    /// <summary>The instant as a UTC <see cref="DateTimeOffset"/>.</summary>
    public DateTimeOffset Value => new(Ticks, TimeSpan.Zero);

    /// <summary>True when the text carried at least millisecond precision, as STIX requires of created/modified.</summary>
    public bool HasMillisecondPrecision => FractionDigits >= 3;

    /// <summary>Creates a timestamp from an instant, truncated to milliseconds (the precision Concord writes).</summary>
    public static StixTimestamp FromDateTimeOffset(DateTimeOffset value)
    {
        var utc = value.UtcTicks;
        return new StixTimestamp(utc - (utc % TimeSpan.TicksPerMillisecond), 3);
    }

    /// <summary>Creates a timestamp from UTC ticks with millisecond formatting.</summary>
    public static StixTimestamp FromTicks(long ticks) => new(ticks, 3);

    /// <summary>Parses a STIX timestamp or throws <see cref="FormatException"/>.</summary>
    public static StixTimestamp Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a STIX timestamp (YYYY-MM-DDTHH:MM:SS[.s+]Z).");

    /// <summary>Parses a STIX timestamp; false when the text is not RFC 3339 UTC with <c>T</c> and <c>Z</c>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out StixTimestamp value) => TryParse(text.AsSpan(), out value) && text is not null;

    /// <summary>Parses a STIX timestamp from characters.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out StixTimestamp value)
    {
        value = default;
        // YYYY-MM-DDTHH:MM:SS then optional .fraction then Z.
        if (text.Length < 20 || text[^1] != 'Z' || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        if (!TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second))
        {
            return false;
        }

        var fraction = 0L;
        var digits = 0;
        if (text.Length > 20)
        {
            if (text[19] != '.' || text.Length == 21)
            {
                return false;
            }

            var fractionText = text[20..^1];
            if (fractionText.Length > 7)
            {
                // More than 100 ns precision is only accepted when the extra digits are zeros.
                foreach (var c in fractionText[7..])
                {
                    if (c != '0')
                    {
                        return false;
                    }
                }
            }

            digits = Math.Min(fractionText.Length, 7);
            if (!TryDigits(fractionText[..digits], out var raw) || !AllDigits(fractionText))
            {
                return false;
            }

            fraction = raw;
            for (var i = digits; i < 7; i++)
            {
                fraction *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        // A leap second (:60) is folded onto the next second, which keeps ordering monotonic.
        var leap = second == 60 ? 1 : 0;
        var ticks = new DateTime(year, month, day, hour, minute, second - leap, DateTimeKind.Utc).Ticks + (leap * TimeSpan.TicksPerSecond) + fraction;
        if (ticks > DateTime.MaxValue.Ticks)
        {
            // Only a leap second at the very end of 9999 gets here: an instant no DateTime can hold.
            return false;
        }

        value = new StixTimestamp(ticks, text.Length > 20 ? text.Length - 21 : 0);
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    /// <inheritdoc />
    public int CompareTo(StixTimestamp other) => Ticks.CompareTo(other.Ticks);

    /// <summary>Earlier than.</summary>
    public static bool operator <(StixTimestamp left, StixTimestamp right) => left.Ticks < right.Ticks;

    /// <summary>Later than.</summary>
    public static bool operator >(StixTimestamp left, StixTimestamp right) => left.Ticks > right.Ticks;

    /// <summary>Earlier than or the same instant.</summary>
    public static bool operator <=(StixTimestamp left, StixTimestamp right) => left.Ticks <= right.Ticks;

    /// <summary>Later than or the same instant.</summary>
    public static bool operator >=(StixTimestamp left, StixTimestamp right) => left.Ticks >= right.Ticks;

    /// <summary>Formats with millisecond precision (or more when the instant has it).</summary>
    public override string ToString()
    {
        var dt = new DateTime(Ticks, DateTimeKind.Utc);
        var format = Ticks % TimeSpan.TicksPerMillisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss.fff'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
        return dt.ToString(format, CultureInfo.InvariantCulture);
    }
}
