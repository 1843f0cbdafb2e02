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
    /// <remarks>
    /// Accents are folded as SQLite's tokenizer folds them (<see cref="FoldAccents"/>), so <c>Khorāsān</c>,
    /// <c>Khorasan</c> and <c>Tadžikistan</c>/<c>Tadzikistan</c> find each other on every engine.
    /// </remarks>
    public static string ToIndexText(string? text) => FoldAccents(string.Join(' ', Words(text)).ToLowerInvariant());

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
        string.Join(" & ", words.Select(w => $"'{FoldAccents(w.ToLowerInvariant()).Replace("'", "''", StringComparison.Ordinal)}':*"));

    /// <summary>
    /// Folds accents exactly as SQLite's <c>unicode61 remove_diacritics 2</c> tokenizer does, so that PostgreSQL's
    /// index finds what SQLite's finds: a precomposed Latin letter becomes its lower-case base letter (<c>Ā</c> →
    /// <c>a</c>, <c>ž</c> → <c>z</c>, <c>ṭ</c> → <c>t</c>), the common combining accents are dropped wherever they are
    /// typed (<c>a</c> + U+0304 → <c>a</c>), and everything else stays: letters of other scripts (<c>й</c>), Latin
    /// letters that do not decompose (<c>ø</c>, <c>ł</c>, <c>ß</c>). Table-driven, because the node runs with
    /// invariant globalization, where <see cref="string.Normalize()"/> leaves non-ASCII text as it is.
    /// </summary>
    public static string FoldAccents(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (System.Text.Ascii.IsValid(text))
        {
            return text;
        }

        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (DroppedMarks.Contains(c))
            {
                continue;
            }

            folded.Append(c switch
            {
                >= LatinFirst and < LatinEnd => LatinBases[c - LatinFirst],
                >= ExtendedFirst and < ExtendedEnd => ExtendedBases[c - ExtendedFirst],
                _ => c,
            });
        }

        return folded.ToString();
    }

    /// <summary>
    /// <see cref="FoldAccents"/> as the two strings of SQL's <c>translate(text, from, to)</c>: each character of
    /// <c>from</c> becomes the character at the same place in <c>to</c>, and those past the end of <c>to</c> (the
    /// dropped accents) are deleted. For re-folding words a database already holds.
    /// </summary>
    public static (string From, string To) FoldTranslation()
    {
        var from = new StringBuilder();
        var to = new StringBuilder();
        foreach (var (first, bases) in new[] { (LatinFirst, LatinBases), (ExtendedFirst, ExtendedBases) })
        {
            for (var i = 0; i < bases.Length; i++)
            {
                var c = (char)(first + i);
                if (bases[i] != c)
                {
                    from.Append(c);
                    to.Append(bases[i]);
                }
            }
        }

        return (from.Append(DroppedMarks).ToString(), to.ToString());
    }

    private const char LatinFirst = '\u00C0';
    private const char LatinEnd = '\u0250';
    private const char ExtendedFirst = '\u1E00';
    private const char ExtendedEnd = '\u1F00';

    // The combining accents SQLite's tokenizer removes (25 of U+0300..U+036F).
    private const string DroppedMarks =
        "\u0300\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u0309\u030A\u030B\u030C\u030F\u0311\u031B\u0323\u0324\u0325\u0326\u0327\u0328\u032D\u032E\u0330\u0331";

    // What SQLite's tokenizer makes of each of U+00C0..U+024F (Latin-1 Supplement, Latin Extended-A and -B) and
    // of U+1E00..U+1EFF (Latin Extended Additional): the lower-case base letter where it removes the accent, else
    // the lower-case letter. Read off SQLite 3.40's tokenizer; SearchTermsTests checks it against the bundled one.
    private static readonly string LatinBases =
        "aaaaaa\u00E6ceeeeiiii\u00F0nooooo\u00D7\u00F8uuuuy\u00FE\u00DFaaaaaa\u00E6ceeeeiiii\u00F0nooooo"
        + "\u00F7\u00F8uuuuy\u00FEyaaaaaaccccccccdd\u0111\u0111eeeeeeeeeegggggggghh\u0127\u0127iiiiiiiii"
        + "\u0131\u0133\u0133jjkk\u0138llllll\u0140\u0140\u0142\u0142nnnnnn\u0149\u014B\u014Boooooo\u0153"
        + "\u0153rrrrrrsssssssstttt\u0167\u0167uuuuuuuuuuuuwwyyyzzzzzzs\u0180\u0253\u0183\u0183\u0185\u0185"
        + "\u0254\u0188\u0188\u0256\u0257\u018C\u018C\u018D\u01DD\u0259\u025B\u0192\u0192\u0260\u0263\u0195"
        + "\u0269\u0268\u0199\u0199\u019A\u019B\u026F\u0272\u019E\u0275oo\u01A3\u01A3\u01A5\u01A5\u0280"
        + "\u01A8\u01A8\u0283\u01AA\u01AB\u01AD\u01AD\u0288uu\u028A\u028B\u01B4\u01B4\u01B6\u01B6\u0292"
        + "\u01B9\u01B9\u01BA\u01BB\u01BD\u01BD\u01BE\u01BF\u01C0\u01C1\u01C2\u01C3\u01C6\u01C6\u01C6\u01C9"
        + "\u01C9\u01C9\u01CC\u01CC\u01CCaaiioouuuuuuuuuu\u01DDaa\u01E1\u01E1\u01E3\u01E3\u01E5\u01E5ggkkoo"
        + "oo\u01EF\u01EFj\u01F3\u01F3\u01F3gg\u0195\u01BFnnaa\u01FD\u01FD\u01FF\u01FFaaaaeeeeiiiioooorrrru"
        + "uuusstt\u021D\u021Dhh\u019E\u0221\u0223\u0223\u0225\u0225aaeeooooooooyy\u0234\u0235\u0236\u0237"
        + "\u0238\u0239\u2C65\u023C\u023C\u019A\u2C66\u023F\u0240\u0242\u0242\u0180\u0289\u028C\u0247\u0247"
        + "\u0249\u0249\u024B\u024B\u024D\u024D\u024F\u024F";

    private static readonly string ExtendedBases =
        "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrr"
        + "ssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy\u1E9As\u1E9C\u1E9D\u00DF\u1E9Faaaaaaa"
        + "aaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy\u1EFB\u1EFB"
        + "\u1EFD\u1EFD\u1EFF\u1EFF";
}
