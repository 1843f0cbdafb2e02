using System.Diagnostics.CodeAnalysis;

namespace Concord.Domain.Releasability;

/// <summary>
/// An Admiralty (NATO) grading: source reliability A (completely reliable) to F (cannot be judged) and
/// information credibility 1 (confirmed) to 6 (cannot be judged), written together as e.g. <c>B2</c>.
/// </summary>
public readonly record struct Grading
{
    private Grading(char reliability, int credibility)
    {
        Reliability = reliability;
        Credibility = credibility;
    }

    /// <summary>Source reliability, A–F.</summary>
    public char Reliability { get; }

    /// <summary>Information credibility, 1–6.</summary>
    public int Credibility { get; }

    /// <summary>Parses e.g. <c>B2</c> (any case) or throws <see cref="FormatException"/>.</summary>
    public static Grading Parse(string text) =>
        TryParse(text, out var g) ? g : throw new FormatException($"'{text}' is not an Admiralty grading (A-F then 1-6, e.g. B2).");

    /// <summary>Parses e.g. <c>B2</c>; false when the text is not a letter A–F followed by a digit 1–6.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Grading grading)
    {
        grading = default;
        return text is not null && TryParse(text.AsSpan(), out grading);
    }

    /// <summary>Parses e.g. <c>B2</c> from characters.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Grading grading)
    {
        grading = default;
        if (text.Length != 2)
        {
            return false;
        }

        var r = char.ToUpperInvariant(text[0]);
        var c = text[1];
        if (r is < 'A' or > 'F' || c is < '1' or > '6')
        {
            return false;
        }

        grading = new Grading(r, c - '0');
        return true;
    }

    /// <summary>The reliability in words.</summary>
    public string ReliabilityText => Reliability switch
    {
        'A' => "completely reliable",
        'B' => "usually reliable",
        'C' => "fairly reliable",
        'D' => "not usually reliable",
        'E' => "unreliable",
        _ => "reliability cannot be judged",
    };

    /// <summary>The credibility in words.</summary>
    public string CredibilityText => Credibility switch
    {
        1 => "confirmed by other sources",
        2 => "probably true",
        3 => "possibly true",
        4 => "doubtful",
        5 => "improbable",
        _ => "truth cannot be judged",
    };

    /// <inheritdoc />
    public override string ToString() => Reliability == '\0' ? string.Empty : $"{Reliability}{Credibility}";
}
