using System.Globalization;
using System.Text.Json.Nodes;
using Concord.Domain.Stix;

namespace Concord.Cli.Tests;

/// <summary>Builds small valid STIX 2.1 objects and bundles for tests.</summary>
internal static class Stix
{
    public static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string NewId(string type = "threat-actor") => $"{type}--{Guid.NewGuid()}";

    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A threat-actor; <paramref name="version"/> counts minutes after <see cref="Epoch"/> for <c>modified</c>.</summary>
    public static JsonObject ThreatActor(string id, string name, int version = 0, string[]? aliases = null, TlpLevel? tlp = null)
    {
        var obj = new JsonObject
        {
            ["type"] = "threat-actor",
            ["spec_version"] = "2.1",
            ["id"] = id,
            ["created"] = Timestamp(Epoch),
            ["modified"] = Timestamp(Epoch.AddMinutes(version)),
            ["name"] = name,
        };
        if (aliases is not null)
        {
            obj["aliases"] = new JsonArray([.. aliases.Select(a => JsonValue.Create(a))]);
        }

        if (tlp is { } level)
        {
            obj["object_marking_refs"] = new JsonArray(JsonValue.Create(Tlp.MarkingIdOf(level)));
        }

        return obj;
    }

    /// <summary>Adds Concord's extension with a release (and, optionally, caveats and grading).</summary>
    public static JsonObject Released(this JsonObject obj, string[] parties, string[] channels, string[]? caveats = null, string? grading = null, string? purpose = null)
    {
        var extension = new JsonObject
        {
            ["extension_type"] = "property-extension",
            ["release"] = new JsonObject
            {
                ["parties"] = new JsonArray([.. parties.Select(p => JsonValue.Create(p))]),
                ["channels"] = new JsonArray([.. channels.Select(c => JsonValue.Create(c))]),
            },
        };
        if (caveats is not null)
        {
            extension["caveats"] = new JsonArray([.. caveats.Select(c => JsonValue.Create(c))]);
        }

        if (purpose is not null)
        {
            extension["purpose"] = purpose;
        }

        if (grading is not null)
        {
            extension["grading"] = grading;
        }

        obj["extensions"] = new JsonObject { [ConcordExtension.Id] = extension };
        return obj;
    }

    public static JsonObject Revoked(this JsonObject obj)
    {
        obj["revoked"] = true;
        return obj;
    }

    public static string Bundle(params JsonObject[] objects) => new JsonObject
    {
        ["type"] = "bundle",
        ["id"] = NewId("bundle"),
        ["objects"] = new JsonArray([.. objects.Select(o => o.DeepClone())]),
    }.ToJsonString();
}
