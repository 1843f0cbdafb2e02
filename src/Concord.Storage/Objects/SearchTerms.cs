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
        foreach (var word in Words(text))
        {
            words.Add(word.Length > 64 ? word[..64] : word);
            if (words.Count == 16)
            {
                break;
            }
        }

        return words;
    }

    /// <summary>
    /// The text as a backend indexes it: every word (of any number and length), lower-cased, joined by single
    /// spaces. A backend whose own tokenizer cuts text differently (PostgreSQL's parser keeps host names,
    /// dotted numbers and e-mail addresses whole) indexes this instead, so that its words are the query's words.
    /// </summary>
    public static string ToIndexText(string? text) => string.Join(' ', Words(text)).ToLowerInvariant();

    private static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
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

            if (current.Length > 0)
            {
                yield return current.ToString();
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    /// <summary>An FTS5 query: each word quoted and matched as a prefix, all required.</summary>
    public static string ToFts5(IReadOnlyList<string> words) => string.Join(" AND ", words.Select(w => $"\"{w}\"*"));

    /// <summary>
    /// A PostgreSQL tsquery in the <c>simple</c> configuration: each word lower-cased (as <see cref="ToIndexText"/>
    /// lower-cases the indexed text, whatever the server's locale) and matched as a prefix, all required.
    /// </summary>
    public static string ToTsQuery(IReadOnlyList<string> words) =>
        string.Join(" & ", words.Select(w => $"'{w.ToLowerInvariant().Replace("'", "''", StringComparison.Ordinal)}':*"));
}
