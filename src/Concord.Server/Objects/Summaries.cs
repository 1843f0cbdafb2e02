using System.Text.Json;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Storage.Objects;

namespace Concord.Server.Objects;

/// <summary>Makes <see cref="ObjectSummary"/> rows from stored versions, for one reader.</summary>
internal static class Summaries
{
    private const int DescriptionLength = 280;

    public static ObjectSummary Of(StoredVersion version, Reader reader, bool? read = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        var distribution = version.Distribution;
        var visible = ReleasabilityRule.VisibleRelease(reader, distribution.Originator, distribution.Release);
        using var doc = JsonDocument.Parse(version.Json);
        var root = doc.RootElement;
        var description = Text(root, "description") ?? Text(root, "abstract") ?? Text(root, "content") ?? Text(root, "explanation");
        if (description is { Length: > DescriptionLength })
        {
            description = description[..DescriptionLength] + "…";
        }

        return new ObjectSummary(
            version.Id.ToString(),
            version.Type,
            version.Version.ToString(),
            Label(version.Type, root),
            description,
            Text(root, "lang"),
            distribution.Originator.Value,
            distribution.Tlp is { } tlp ? Tlp.TokenOf(tlp) : null,
            distribution.Handling.Codes().ToList(),
            version.Grading?.ToString(),
            visible.Channels.Select(c => c.Value).Order(StringComparer.Ordinal).ToList(),
            visible.Parties.Select(p => p.Value).Order(StringComparer.Ordinal).ToList(),
            Text(root, "modified") ?? Text(root, "created"),
            version.Added,
            version.Revoked,
            Text(root, "relationship_type"),
            Text(root, "source_ref") ?? Text(root, "sighting_of_ref"),
            Text(root, "target_ref") ?? FirstOf(root, "where_sighted_refs"),
            Number(root, "latitude"),
            Number(root, "longitude"),
            Number(root, "precision"),
            Text(root, "country"),
            read);
    }

    private static string? Label(string type, JsonElement root) =>
        Text(root, "name") ?? type switch
        {
            "relationship" => Text(root, "relationship_type"),
            "opinion" => "opinion: " + Text(root, "opinion"),
            "note" => Text(root, "abstract") ?? "note",
            "sighting" => "sighting",
            _ => Text(root, "value") ?? Text(root, "pattern"),
        };

    private static string? Text(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? FirstOf(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0 && value[0].ValueKind == JsonValueKind.String
            ? value[0].GetString()
            : null;

    private static double? Number(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
