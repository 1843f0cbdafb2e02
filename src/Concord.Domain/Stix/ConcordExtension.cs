using System.Text.Json;
using Concord.Domain.Releasability;

namespace Concord.Domain.Stix;

/// <summary>
/// Concord's STIX property extension: release, caveats and grading travel with each object version as an
/// <c>extension-definition</c> of ours rather than as silent custom properties. This type reads the
/// extension from input and writes it, per reader, on output.
/// </summary>
public static class ConcordExtension
{
    /// <summary>The id of Concord's extension-definition.</summary>
    public const string Id = "extension-definition--c0c0a2d1-7f3e-4b8a-9d6c-2e5f1a4b8c3d";

    /// <summary>The identity that created Concord's extension definition.</summary>
    public const string CreatorIdentityId = "identity--c0c0a2d1-0000-4000-8000-00000000c0c0";

    /// <summary>The extension-definition object that describes Concord's extension, as STIX JSON.</summary>
    public const string DefinitionJson =
        "{\"type\":\"extension-definition\",\"spec_version\":\"2.1\",\"id\":\"" + Id + "\","
        + "\"created_by_ref\":\"" + CreatorIdentityId + "\",\"created\":\"2026-11-25T00:00:00.000Z\",\"modified\":\"2026-11-25T00:00:00.000Z\","
        + "\"name\":\"Concord releasability\",\"description\":\"Who an object version is released to, by whom, under which handling caveats and grading.\","
        + "\"schema\":\"Property extension with: originator (party id, set by the node), release {channels: [channel id], parties: [party id]}, "
        + "tlp (clear|green|amber|amber+strict|red, from object_marking_refs), caveats [ORCON|H0|H1|H2|H3], purpose (text, with H0), "
        + "restriction (text, with H3), grading (Admiralty code A-F then 1-6).\",\"version\":\"1.0.0\",\"extension_types\":[\"property-extension\"]}";

    /// <summary>Reads the extension's content; errors carry pointers under <paramref name="pointer"/>.</summary>
    public static ConcordProperties Read(JsonElement extension, string pointer, List<StixError> errors)
    {
        if (extension.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new StixError(pointer, "the Concord extension must be a JSON object"));
            return ConcordProperties.Empty;
        }

        Release? release = null;
        var caveats = Caveats.None;
        string? purpose = null, restriction = null;
        Grading? grading = null;
        foreach (var p in extension.EnumerateObject())
        {
            var at = $"{pointer}/{JsonPointer.Escape(p.Name)}";
            switch (p.Name)
            {
                case "extension_type":
                    if (p.Value.ValueKind != JsonValueKind.String || p.Value.GetString() != "property-extension")
                    {
                        errors.Add(new StixError(at, "extension_type must be \"property-extension\""));
                    }

                    break;
                case "release":
                    release = ReadRelease(p.Value, at, errors);
                    break;
                case "caveats":
                    caveats = ReadCaveats(p.Value, at, errors);
                    break;
                case "purpose":
                    purpose = ReadString(p.Value, at, errors);
                    break;
                case "restriction":
                    restriction = ReadString(p.Value, at, errors);
                    break;
                case "grading":
                    var text = ReadString(p.Value, at, errors);
                    if (text is not null)
                    {
                        if (Grading.TryParse(text, out var g))
                        {
                            grading = g;
                        }
                        else
                        {
                            errors.Add(new StixError(at, "grading must be an Admiralty code: A-F then 1-6, e.g. \"B2\""));
                        }
                    }

                    break;
                case "originator" or "tlp" or "signature":
                    // Written by Concord on output; on input the node decides them, so they are ignored.
                    break;
                default:
                    errors.Add(new StixError(at, $"unknown property '{p.Name}' in the Concord extension"));
                    break;
            }
        }

        if (!Handling.TryCreate(caveats, purpose, restriction, out var handling, out var error))
        {
            errors.Add(new StixError(pointer, error));
            handling = Handling.None;
        }

        return new ConcordProperties(release, handling, grading);
    }

    /// <summary>
    /// Writes the extension for one reader: the originator, the part of the release the reader may know of,
    /// TLP, caveats and grading.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, Reader reader, Distribution distribution, Grading? grading, byte[]? signature = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(distribution);
        var visible = ReleasabilityRule.VisibleRelease(reader, distribution.Originator, distribution.Release);
        writer.WriteStartObject(Id);
        writer.WriteString("extension_type", "property-extension");
        writer.WriteString("originator", distribution.Originator.Value);
        writer.WriteStartObject("release");
        writer.WriteStartArray("channels");
        foreach (var c in visible.Channels.OrderBy(c => c.Value, StringComparer.Ordinal))
        {
            writer.WriteStringValue(c.Value);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("parties");
        foreach (var p in visible.Parties.OrderBy(p => p.Value, StringComparer.Ordinal))
        {
            writer.WriteStringValue(p.Value);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        if (distribution.Tlp is { } tlp)
        {
            writer.WriteString("tlp", Tlp.TokenOf(tlp));
        }

        var handling = distribution.Handling;
        if (handling.Caveats != Caveats.None)
        {
            writer.WriteStartArray("caveats");
            foreach (var code in handling.Codes())
            {
                writer.WriteStringValue(code);
            }

            writer.WriteEndArray();
        }

        if (handling.Purpose is not null)
        {
            writer.WriteString("purpose", handling.Purpose);
        }

        if (handling.Restriction is not null)
        {
            writer.WriteString("restriction", handling.Restriction);
        }

        if (grading is { } g)
        {
            writer.WriteString("grading", g.ToString());
        }

        if (signature is not null)
        {
            // The originating node's Ed25519 signature (see Federation.VersionSignature), base64.
            writer.WriteBase64String("signature", signature);
        }

        writer.WriteEndObject();
    }

    private static Release? ReadRelease(JsonElement value, string pointer, List<StixError> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new StixError(pointer, "release must be an object with \"channels\" and \"parties\" arrays"));
            return null;
        }

        var parties = new List<PartyId>();
        var channels = new List<ChannelId>();
        foreach (var p in value.EnumerateObject())
        {
            var at = $"{pointer}/{JsonPointer.Escape(p.Name)}";
            var isParty = p.Name == "parties";
            if (!isParty && p.Name != "channels")
            {
                errors.Add(new StixError(at, $"unknown property '{p.Name}' in release"));
                continue;
            }

            if (p.Value.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new StixError(at, $"{p.Name} must be an array of ids"));
                continue;
            }

            var i = 0;
            foreach (var item in p.Value.EnumerateArray())
            {
                var text = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
                if (isParty && PartyId.TryParse(text, out var party))
                {
                    parties.Add(party);
                }
                else if (!isParty && ChannelId.TryParse(text, out var channel))
                {
                    channels.Add(channel);
                }
                else
                {
                    errors.Add(new StixError($"{at}/{i}", $"not a {(isParty ? "party" : "channel")} id (2-64 of a-z, 0-9 and '-')"));
                }

                i++;
            }
        }

        return new Release(parties, channels);
    }

    private static Caveats ReadCaveats(JsonElement value, string pointer, List<StixError> errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new StixError(pointer, "caveats must be an array of codes (ORCON, H0, H1, H2, H3)"));
            return Caveats.None;
        }

        var result = Caveats.None;
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && Handling.TryParseCode(item.GetString(), out var c))
            {
                result |= c;
            }
            else
            {
                errors.Add(new StixError($"{pointer}/{i}", "not a caveat code (ORCON, H0, H1, H2, H3)"));
            }

            i++;
        }

        return result;
    }

    private static string? ReadString(JsonElement value, string pointer, List<StixError> errors)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        errors.Add(new StixError(pointer, "must be a string"));
        return null;
    }
}
