using System.Collections.Frozen;

namespace Concord.Domain.Stix;

/// <summary>
/// The TLP marking-definition objects of STIX 2.1 (TLP 2.0 through the OASIS TLP 2.0 extension, and the
/// TLP 1.0 ones STIX 2.1 defines), their fixed identifiers and names.
/// </summary>
public static class Tlp
{
    /// <summary>The id of OASIS's TLP 2.0 property extension definition.</summary>
    public const string Tlp2ExtensionId = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    private static readonly FrozenDictionary<string, TlpLevel> ByMarkingId = new Dictionary<string, TlpLevel>
    {
        ["marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"] = TlpLevel.Clear,
        ["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"] = TlpLevel.Green,
        ["marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"] = TlpLevel.Amber,
        ["marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"] = TlpLevel.AmberStrict,
        ["marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"] = TlpLevel.Red,
        // TLP 1.0 as defined in STIX 2.1 section 7.2.1.4; WHITE maps to CLEAR.
        ["marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"] = TlpLevel.Clear,
        ["marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"] = TlpLevel.Green,
        ["marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"] = TlpLevel.Amber,
        ["marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed"] = TlpLevel.Red,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, TlpLevel>.AlternateLookup<ReadOnlySpan<char>> ByMarkingIdText = ByMarkingId.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The TLP level a marking-definition id stands for, or null when it is not a TLP marking.</summary>
    public static TlpLevel? LevelOf(string markingId) => ByMarkingId.TryGetValue(markingId, out var level) ? level : null;

    /// <summary>The level a marking-definition id stands for, from its characters; null when it is not a TLP marking.</summary>
    public static TlpLevel? LevelOf(ReadOnlySpan<char> markingId) => ByMarkingIdText.TryGetValue(markingId, out var level) ? level : null;

    /// <summary>The TLP 2.0 marking-definition id of a level.</summary>
    public static string MarkingIdOf(TlpLevel level) => level switch
    {
        TlpLevel.Clear => "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
        TlpLevel.Green => "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
        TlpLevel.Amber => "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
        TlpLevel.AmberStrict => "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
        TlpLevel.Red => "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>The label as TLP 2.0 writes it, e.g. <c>TLP:AMBER+STRICT</c>.</summary>
    public static string LabelOf(TlpLevel level) => level switch
    {
        TlpLevel.Clear => "TLP:CLEAR",
        TlpLevel.Green => "TLP:GREEN",
        TlpLevel.Amber => "TLP:AMBER",
        TlpLevel.AmberStrict => "TLP:AMBER+STRICT",
        TlpLevel.Red => "TLP:RED",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>Parses <c>clear</c>, <c>green</c>, <c>amber</c>, <c>amber+strict</c>, <c>red</c> (with or without <c>TLP:</c>, any case; <c>white</c> is CLEAR).</summary>
    public static bool TryParse(string? text, out TlpLevel level)
    {
        level = TlpLevel.Clear;
        if (text is null)
        {
            return false;
        }

        var t = text.Trim().ToLowerInvariant();
        if (t.StartsWith("tlp:", StringComparison.Ordinal))
        {
            t = t[4..];
        }

        switch (t)
        {
            case "clear" or "white": level = TlpLevel.Clear; return true;
            case "green": level = TlpLevel.Green; return true;
            case "amber": level = TlpLevel.Amber; return true;
            case "amber+strict" or "amber-strict" or "amberstrict": level = TlpLevel.AmberStrict; return true;
            case "red": level = TlpLevel.Red; return true;
            default: return false;
        }
    }

    /// <summary>The lower-case token used in Concord's JSON and CLI, e.g. <c>amber+strict</c>.</summary>
    public static string TokenOf(TlpLevel level) => LabelOf(level)[4..].ToLowerInvariant();
}
