using System.Diagnostics.CodeAnalysis;

namespace Concord.Domain.Stix;

/// <summary>
/// A STIX identifier, <c>type--UUID</c>. The type part follows the STIX type-name rules and the UUID part is
/// an RFC 4122 UUID (versions 1–5, RFC 4122 variant). Identifiers are compared case-insensitively in their
/// UUID part and are always written back in lower case.
/// </summary>
public readonly record struct StixId
{
    private StixId(string type, Guid uuid)
    {
        Type = type;
        Uuid = uuid;
    }

    /// <summary>The object type named by the identifier, e.g. <c>threat-actor</c>.</summary>
    public string Type { get; }

    /// <summary>The UUID part.</summary>
    public Guid Uuid { get; }

    /// <summary>Creates a fresh identifier with a random (version 4) UUID.</summary>
    public static StixId New(string type)
    {
        if (!StixTypes.IsValidTypeName(type))
        {
            throw new ArgumentException($"'{type}' is not a valid STIX type name.", nameof(type));
        }

        return new StixId(type, Guid.NewGuid());
    }

    /// <summary>Builds an identifier from a known type and UUID.</summary>
    public static StixId Create(string type, Guid uuid)
    {
        if (!StixTypes.IsValidTypeName(type))
        {
            throw new ArgumentException($"'{type}' is not a valid STIX type name.", nameof(type));
        }

        return new StixId(type, uuid);
    }

    /// <summary>Parses an identifier or throws <see cref="FormatException"/>.</summary>
    public static StixId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a STIX identifier (type--UUID).");

    /// <summary>Parses an identifier; returns false when the text is not <c>type--UUID</c>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out StixId id)
    {
        id = default;
        return text is not null && TryParse(text.AsSpan(), out id);
    }

    /// <summary>Parses <c>type--UUID</c> from characters; the type of a specification object costs no new string.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out StixId id)
    {
        id = default;
        var separator = text.IndexOf("--", StringComparison.Ordinal);
        if (separator <= 0 || text.Length - separator - 2 != 36)
        {
            return false;
        }

        var typeText = text[..separator];
        var uuidText = text[(separator + 2)..];
        if (!IsRfc4122(uuidText) || !Guid.TryParseExact(uuidText, "D", out var uuid))
        {
            return false;
        }

        var type = JsonText.KnownType(typeText);
        if (type is null)
        {
            if (!StixTypes.IsValidTypeName(typeText))
            {
                return false;
            }

            type = typeText.ToString();
        }

        id = new StixId(type, uuid);
        return true;
    }

    private static bool IsRfc4122(ReadOnlySpan<char> uuid)
    {
        // Version digit 1-5 and variant 8, 9, a or b, as in the OASIS identifier schema.
        var version = uuid[14];
        var variant = char.ToLowerInvariant(uuid[19]);
        return version is >= '1' and <= '5' && variant is '8' or '9' or 'a' or 'b';
    }

    /// <inheritdoc />
    public override string ToString() => Type is null ? string.Empty : $"{Type}--{Uuid:D}";
}
