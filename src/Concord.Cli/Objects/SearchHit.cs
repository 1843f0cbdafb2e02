namespace Concord.Cli.Objects;

/// <summary>One search result as the CLI prints it.</summary>
internal sealed record SearchHit(string Id, string Type, string? Name, string Originator, string? Tlp, string Version, bool Revoked);
