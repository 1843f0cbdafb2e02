using System.Globalization;
using Concord.Storage.Objects;
using CsCheck;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Tests.Objects;

public sealed class SearchTermsTests
{
    private static readonly char[] LatinLetters =
        [.. Enumerable.Range('A', 26).Concat(Enumerable.Range('a', 26)).Concat(Enumerable.Range(0xC0, 0x250 - 0xC0)).Concat(Enumerable.Range(0x1E00, 0x100))
            .Select(i => (char)i).Where(char.IsLetter)];

    [Fact]
    public void Accent_folding_puts_every_latin_letter_with_the_same_letters_as_sqlites_tokenizer_does()
    {
        // PostgreSQL has no tokenizer that folds like SQLite's, so the node folds for it; the two engines must
        // then agree on which letters are the same.
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "CREATE VIRTUAL TABLE t USING fts5(text, tokenize='unicode61 remove_diacritics 2')");
        foreach (var c in LatinLetters)
        {
            Execute(connection, "INSERT INTO t (rowid, text) VALUES ($id, $text)", ("$id", (long)c), ("$text", $"q{c}q"));
        }

        var disagreements = new List<string>();
        foreach (var c in LatinLetters)
        {
            var sqlite = Query(connection, $"q{c}q");
            var ours = LatinLetters.Where(other => Fold(other) == Fold(c)).ToHashSet();
            if (!sqlite.SetEquals(ours))
            {
                disagreements.Add(string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4} {c}: sqlite [{string.Concat(sqlite.Order())}] ours [{string.Concat(ours.Order())}]"));
            }
        }

        using (var marks = connection.CreateCommand())
        {
            marks.CommandText = "CREATE VIRTUAL TABLE m USING fts5(text, tokenize='unicode61 remove_diacritics 2')";
            marks.ExecuteNonQuery();
        }

        for (var mark = '\u0300'; mark < '\u0370'; mark++)
        {
            Execute(connection, "INSERT INTO m (rowid, text) VALUES ($id, $text)", ("$id", (long)mark), ("$text", $"qa{mark}q"));
        }

        using var dropped = connection.CreateCommand();
        dropped.CommandText = "SELECT rowid FROM m WHERE m MATCH '\"qaq\"'";
        using var reader = dropped.ExecuteReader();
        var sqliteDrops = new HashSet<char>();
        while (reader.Read())
        {
            sqliteDrops.Add((char)reader.GetInt64(0));
        }

        for (var mark = '\u0300'; mark < '\u0370'; mark++)
        {
            if (sqliteDrops.Contains(mark) != (SearchTerms.FoldAccents($"a{mark}") == "a"))
            {
                disagreements.Add(string.Create(CultureInfo.InvariantCulture, $"mark U+{(int)mark:X4}: sqlite drops it {sqliteDrops.Contains(mark)}"));
            }
        }

        Assert.True(sqliteDrops.Count > 20, "SQLite's tokenizer should drop the common accents");
        Assert.True(disagreements.Count == 0, string.Join('\n', disagreements));
    }

    [Fact]
    public void Folding_drops_the_accents_of_latin_letters_only_and_is_idempotent()
    {
        // Each piece with what it folds to: precomposed Latin letters lose their accents, common combining accents
        // go after any letter; precomposed Cyrillic, Arabic marks and letters without a decomposition stay.
        (string Text, string Folded)[] pieces =
        [
            ("ā", "a"), ("Ž", "z"), ("a\u0304", "a"), ("e\u0301\u0323", "e"), ("ṭ", "t"), ("ǖ", "u"), ("ç", "c"),
            ("й", "й"), ("и\u0306", "и"), ("ё", "ё"), ("عَ", "عَ"), ("ø", "ø"), ("ł", "ł"), ("ß", "ß"),
            ("k", "k"), ("7", "7"), (" ", " "), ("-", "-"),
        ];
        Gen.Int[0, pieces.Length - 1].Array[0, 12].Sample(picks =>
        {
            var text = string.Concat(picks.Select(i => pieces[i].Text));
            var folded = SearchTerms.FoldAccents(text);

            Assert.Equal(string.Concat(picks.Select(i => pieces[i].Folded)), folded);
            Assert.Equal(folded, SearchTerms.FoldAccents(folded));
        });
    }

    private static string Fold(char c) => SearchTerms.FoldAccents(c.ToString().ToLowerInvariant());

    private static HashSet<char> Query(SqliteConnection connection, string word)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM t WHERE t MATCH $q";
        command.Parameters.AddWithValue("$q", $"\"{word}\"");
        using var reader = command.ExecuteReader();
        var hits = new HashSet<char>();
        while (reader.Read())
        {
            hits.Add((char)reader.GetInt64(0));
        }

        return hits;
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}
