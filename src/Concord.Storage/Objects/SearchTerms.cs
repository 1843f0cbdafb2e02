using System.Globalization;
using System.Text;

namespace Concord.Storage.Objects;

/// <summary>
/// Splits what a user typed into search words (letters and digits of any script), each matched as a prefix;
/// every backend builds its full-text query from these words and nothing else.
/// </summary>
public static class SearchTerms
{
    /// <summary>The words, at most 16, each at most 64 characters.</summary>
    public static IReadOnlyList<string> Split(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }

        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var isWordChar = Rune.IsLetterOrDigit(rune) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
            if (isWordChar)
            {
                current.Append(rune.ToString());
                continue;
            }

            Flush(words, current);
        }

        Flush(words, current);
        return words.Count > 16 ? words[..16] : words;
    }

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.Length > 64 ? current.ToString(0, 64) : current.ToString());
            current.Clear();
        }
    }

    /// <summary>An FTS5 query: each word quoted and matched as a prefix, all required.</summary>
    public static string ToFts5(IReadOnlyList<string> words) => string.Join(" AND ", words.Select(w => $"\"{w}\"*"));

    /// <summary>A PostgreSQL tsquery in the <c>simple</c> configuration: each word as a prefix, all required.</summary>
    public static string ToTsQuery(IReadOnlyList<string> words) => string.Join(" & ", words.Select(w => $"'{w.Replace("'", "''", StringComparison.Ordinal)}':*"));
}
