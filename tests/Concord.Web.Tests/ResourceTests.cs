using System.Text.Json.Nodes;

namespace Concord.Web.Tests;

/// <summary>Checks on the front end's files that need no browser.</summary>
public sealed class ResourceTests
{
    private static readonly string Source = Path.Combine(BrowserEnvironment.WebDirectory, "src");

    [Fact]
    public void English_and_russian_resources_hold_the_same_strings_none_empty()
    {
        var en = Read("en");
        var ru = Read("ru");

        Assert.Equal(en.Select(p => p.Key).Order(StringComparer.Ordinal), ru.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(en.Concat(ru), p => Assert.False(string.IsNullOrWhiteSpace(p.Value?.GetValue<string>()), p.Key));
    }

    [Fact]
    public void Every_string_key_the_code_uses_is_in_the_resources()
    {
        var keys = Read("en").Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var used = Directory.EnumerateFiles(Source, "*.ts", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), @"\bt\('([a-zA-Z]+\.[a-zA-Z.+-]+)'"))
            .Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(used);
        Assert.DoesNotContain(used, k => !keys.Contains(k));
    }

    [Fact]
    public void The_front_end_names_no_host_but_its_own()
    {
        var offenders = Directory.EnumerateFiles(Source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".ts", StringComparison.Ordinal) || f.EndsWith(".css", StringComparison.Ordinal))
            .Concat([Path.Combine(BrowserEnvironment.WebDirectory, "index.html")])
            .Where(f => System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(f), @"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            .ToList();

        Assert.Empty(offenders);
    }

    private static JsonObject Read(string lang) => JsonNode.Parse(File.ReadAllText(Path.Combine(Source, "i18n", lang + ".json")))!.AsObject();
}
