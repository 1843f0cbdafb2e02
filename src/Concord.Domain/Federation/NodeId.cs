using System.Diagnostics.CodeAnalysis;
using Concord.Domain.Releasability;

namespace Concord.Domain.Federation;

/// <summary>
/// The id of a Concord node in a federation, e.g. <c>node-moscow</c>: the same shape as party and channel ids.
/// Every party is hosted by exactly one node; a party with no node recorded is hosted here.
/// </summary>
public readonly record struct NodeId
{
    private NodeId(string value) => Value = value;

    /// <summary>The id text.</summary>
    public string Value { get; }

    /// <summary>Parses an id or throws <see cref="FormatException"/>.</summary>
    public static NodeId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a node id (2-64 of a-z, 0-9 and '-').");

    /// <summary>Parses an id; false when the text is not a valid id.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out NodeId id)
    {
        id = Slug.IsValid(text) ? new NodeId(text!) : default;
        return id.Value is not null;
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
