using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Concord.Domain.Stix;

/// <summary>
/// Reads names and short values of a parsed JSON object without allocating a string for each: validation visits every
/// property of every object a node takes in, and the strings it would make for names like <c>created</c> or values
/// like a timestamp are most of what it allocates. Unusual text (escaped, non-ASCII, unknown or long) takes the
/// ordinary, allocating path, so the results are always those of <see cref="JsonProperty.Name"/> and
/// <see cref="JsonElement.GetString"/>.
/// </summary>
internal static class JsonText
{
    /// <summary>A parser of characters, as <see cref="TryParse{T}"/> takes it.</summary>
    public delegate bool SpanParser<T>(ReadOnlySpan<char> text, out T value);

    /// <summary>The longest name or value read through a stack buffer.</summary>
    public const int MaxShort = 128;

    private static readonly FrozenSet<string> Names = StixPropertyRules.Timestamps
        .Concat(StixPropertyRules.Booleans).Concat(StixPropertyRules.Integers.Keys).Concat(StixPropertyRules.Strings)
        .Concat(StixPropertyRules.StringLists).Concat(StixPropertyRules.RefTargets.Keys).Concat(StixPropertyRules.Searchable)
        .Concat(StixPropertyRules.Required.Values.SelectMany(r => r))
        .Concat(["extensions", "external_references", "kill_chain_phases", "granular_markings", "object_refs", "confidence", "lang", "hashes"])
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NameLookup = Names.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TypeLookup = StixTypes.DomainObjects
        .Concat(StixTypes.RelationshipObjects).Concat(StixTypes.ObservableObjects).Concat(StixTypes.MetaObjects)
        .ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The property's name: the shared string for a STIX property name, a new one otherwise.</summary>
    public static string Name(JsonProperty property)
    {
        Span<char> buffer = stackalloc char[MaxShort];
        return TryAscii(JsonMarshal.GetRawUtf8PropertyName(property), buffer, out var chars) && NameLookup.TryGetValue(chars, out var name)
            ? name
            : property.Name;
    }

    /// <summary>A STIX type name as the shared string when it is one of the specification's, else null.</summary>
    public static string? KnownType(ReadOnlySpan<char> type) => TypeLookup.TryGetValue(type, out var known) ? known : null;

    /// <summary>
    /// The characters of a JSON string value written without escapes in ASCII and no longer than
    /// <paramref name="buffer"/>, copied into it; false for anything else (then use <see cref="JsonElement.GetString"/>).
    /// </summary>
    public static bool TryAscii(JsonElement value, Span<char> buffer, out ReadOnlySpan<char> text)
    {
        text = default;
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var raw = JsonMarshal.GetRawUtf8Value(value);
        return TryAscii(raw.Length >= 2 ? raw[1..^1] : raw, buffer, out text);
    }

    /// <summary>Parses a JSON string value with a parser of characters, without making a string when it is short ASCII.</summary>
    public static bool TryParse<T>(JsonElement value, SpanParser<T> parse, out T result)
    {
        result = default!;
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[MaxShort];
        return TryAscii(value, buffer, out var chars) ? parse(chars, out result) : parse(value.GetString().AsSpan(), out result);
    }

    private static bool TryAscii(ReadOnlySpan<byte> raw, Span<char> buffer, out ReadOnlySpan<char> text)
    {
        text = default;
        if (raw.Length > buffer.Length || raw.Contains((byte)'\\') || Ascii.ToUtf16(raw, buffer, out var written) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        text = buffer[..written];
        return true;
    }
}
