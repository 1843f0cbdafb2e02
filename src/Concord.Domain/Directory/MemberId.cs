using System.Diagnostics.CodeAnalysis;
using Concord.Domain.Releasability;

namespace Concord.Domain.Directory;

/// <summary>
/// A member's id: <c>name@party</c> (e.g. <c>analyst@ru-fsb</c>), or <c>name@node</c> for node
/// administrators who belong to no party.
/// </summary>
public readonly record struct MemberId
{
    /// <summary>The pseudo party of node administrators.</summary>
    public const string NodeScope = "node";

    private MemberId(string name, string scope)
    {
        Name = name;
        Scope = scope;
    }

    /// <summary>The member's short name.</summary>
    public string Name { get; }

    /// <summary>The party id text, or <c>node</c>.</summary>
    public string Scope { get; }

    /// <summary>The member's party, or null for a node administrator.</summary>
    public PartyId? Party => Scope == NodeScope ? null : PartyId.Parse(Scope);

    /// <summary>Parses <c>name@party</c> or throws <see cref="FormatException"/>.</summary>
    public static MemberId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a member id (name@party, e.g. analyst@ru-fsb).");

    /// <summary>Parses <c>name@party</c>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out MemberId id)
    {
        id = default;
        var at = text?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        if (at <= 0)
        {
            return false;
        }

        var name = text![..at];
        var scope = text[(at + 1)..];
        if (!Slug.IsValid(name) || !Slug.IsValid(scope))
        {
            return false;
        }

        id = new MemberId(name, scope);
        return true;
    }

    /// <summary>Builds the id of a member of a party.</summary>
    public static MemberId Of(string name, PartyId party) => Parse($"{name}@{party.Value}");

    /// <inheritdoc />
    public override string ToString() => Name is null ? string.Empty : $"{Name}@{Scope}";
}
