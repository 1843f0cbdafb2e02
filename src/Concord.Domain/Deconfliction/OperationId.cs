using System.Diagnostics.CodeAnalysis;

namespace Concord.Domain.Deconfliction;

/// <summary>An operation's id, <c>op--</c> and a UUID, made by the node at registration.</summary>
public readonly record struct OperationId
{
    private const string Prefix = "op--";

    private OperationId(string value) => Value = value;

    /// <summary>The id text.</summary>
    public string Value { get; }

    /// <summary>A new random id.</summary>
    public static OperationId New() => new(Prefix + Guid.NewGuid().ToString("D"));

    /// <summary>Parses an id or throws <see cref="FormatException"/>.</summary>
    public static OperationId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not an operation id (op--UUID).");

    /// <summary>Parses an id.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out OperationId id)
    {
        id = default;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal) || !Guid.TryParseExact(text[Prefix.Length..], "D", out var guid))
        {
            return false;
        }

        id = new OperationId(Prefix + guid.ToString("D"));
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
