using System.Globalization;
using System.Text.Json.Nodes;
using Concord.Domain.Stix;

namespace Concord.Server.Tests.Stix;

/// <summary>
/// A STIX 2.1 object version a test imports: a threat-actor, report or incident with a name, its TLP marking,
/// and Concord's extension (release, caveats, grading). Make later versions with <c>with { Modified = … }</c>.
/// </summary>
public sealed record StixDraft
{
    public static readonly DateTime Epoch = new(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    public required string Type { get; init; }

    public required string Id { get; init; }

    public required string Name { get; init; }

    public DateTime Created { get; init; } = Epoch;

    public DateTime Modified { get; init; } = Epoch;

    public string? Description { get; init; }

    public TlpLevel? Tlp { get; init; }

    public IReadOnlyList<string> Caveats { get; init; } = [];

    public string? Purpose { get; init; }

    public string? Grading { get; init; }

    /// <summary>Channels of the release; null with <see cref="Parties"/> null leaves the release out of the extension.</summary>
    public IReadOnlyList<string>? Channels { get; init; }

    public IReadOnlyList<string>? Parties { get; init; }

    public bool Revoked { get; init; }

    public static StixDraft ThreatActor(string name, IReadOnlyList<string>? channels = null, IReadOnlyList<string>? parties = null) =>
        New("threat-actor", name, channels, parties);

    public static StixDraft Report(string name, IReadOnlyList<string>? channels = null, IReadOnlyList<string>? parties = null) =>
        New("report", name, channels, parties);

    public static StixDraft Incident(string name, IReadOnlyList<string>? channels = null, IReadOnlyList<string>? parties = null) =>
        New("incident", name, channels, parties);

    public static StixDraft New(string type, string name, IReadOnlyList<string>? channels = null, IReadOnlyList<string>? parties = null) =>
        new() { Type = type, Id = $"{type}--{Guid.NewGuid()}", Name = name, Channels = channels, Parties = parties };

    /// <summary>The next version, one day later.</summary>
    public StixDraft Next() => this with { Modified = Modified.AddDays(1) };

    public static string Timestamp(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The object as the originator sends it.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["type"] = Type,
            ["spec_version"] = "2.1",
            ["id"] = Id,
            ["created"] = Timestamp(Created),
            ["modified"] = Timestamp(Modified),
            ["name"] = Name,
        };
        if (Description is not null)
        {
            json["description"] = Description;
        }

        if (Type == "report")
        {
            json["published"] = Timestamp(Created);
            json["object_refs"] = new JsonArray("identity--0d3e1e5c-3a55-4d7e-9d4b-6f7f0d1c2b3a");
        }

        if (Revoked)
        {
            json["revoked"] = true;
        }

        if (Tlp is { } tlp)
        {
            json["object_marking_refs"] = new JsonArray(Concord.Domain.Stix.Tlp.MarkingIdOf(tlp));
        }

        var extension = new JsonObject { ["extension_type"] = "property-extension" };
        if (Channels is not null || Parties is not null)
        {
            extension["release"] = new JsonObject
            {
                ["channels"] = Strings(Channels ?? []),
                ["parties"] = Strings(Parties ?? []),
            };
        }

        if (Caveats.Count > 0)
        {
            extension["caveats"] = Strings(Caveats);
        }

        if (Purpose is not null)
        {
            extension["purpose"] = Purpose;
        }

        if (Grading is not null)
        {
            extension["grading"] = Grading;
        }

        json["extensions"] = new JsonObject { [ConcordExtension.Id] = extension };
        return json;
    }

    /// <summary>A STIX bundle of these versions.</summary>
    public static string Bundle(params StixDraft[] drafts) => Bundle(drafts.Select(d => (JsonNode)d.ToJson()));

    /// <summary>A STIX bundle of these raw objects.</summary>
    public static string Bundle(IEnumerable<JsonNode> objects) => new JsonObject
    {
        ["type"] = "bundle",
        ["id"] = $"bundle--{Guid.NewGuid()}",
        ["objects"] = new JsonArray([.. objects]),
    }.ToJsonString();

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => JsonValue.Create(v))]);
}
