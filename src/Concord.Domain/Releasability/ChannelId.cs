using System.Diagnostics.CodeAnalysis;

namespace Concord.Domain.Releasability;

/// <summary>
/// The id of a channel (a sharing group of parties: a bilateral working group, a regional conference), e.g.
/// <c>us-ru-wg</c>: 2–64 lower-case ASCII letters, digits and hyphens.
/// </summary>
public readonly record struct ChannelId
{
    private ChannelId(string value) => Value = value;

    /// <summary>The id text.</summary>
    public string Value { get; }

    /// <summary>Parses an id or throws <see cref="FormatException"/>.</summary>
    public static ChannelId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a channel id (2-64 of a-z, 0-9 and '-').");

    /// <summary>Parses an id; false when the text is not a valid id.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ChannelId id)
    {
        id = Slug.IsValid(text) ? new ChannelId(text!) : default;
        return id.Value is not null;
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
