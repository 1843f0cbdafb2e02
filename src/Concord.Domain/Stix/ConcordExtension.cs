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
    public static ConcordProperties Read(JsonElement extension, string pointer, List<StixError> errors) =>
        Read(extension, new Where(pointer, InObject: false), errors);

    /// <summary>
    /// Reads the extension's content; errors carry pointers under <paramref name="where"/>, which is spelled out only
    /// when there is an error.
    /// </summary>
    internal static ConcordProperties Read(JsonElement extension, Where where, List<StixError> errors)
    {
        if (extension.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new StixError(where.ToString(), "the Concord extension must be a JSON object"));
            return ConcordProperties.Empty;
        }

        Release? release = null;
        var caveats = Caveats.None;
        string? purpose = null, restriction = null;
        Grading? grading = null;
        foreach (var p in extension.EnumerateObject())
        {
            if (p.NameEquals("extension_type"u8))
            {
                if (p.Value.ValueKind != JsonValueKind.String || !p.Value.ValueEquals("property-extension"u8))
                {
                    errors.Add(new StixError(where.At(p), "extension_type must be \"property-extension\""));
                }
            }
            else if (p.NameEquals("release"u8))
            {
                release = ReadRelease(p.Value, where, p, errors);
            }
            else if (p.NameEquals("caveats"u8))
            {
                caveats = ReadCaveats(p.Value, where, p, errors);
            }
            else if (p.NameEquals("purpose"u8))
            {
                purpose = ReadString(p.Value, where, p, errors);
            }
            else if (p.NameEquals("restriction"u8))
            {
                restriction = ReadString(p.Value, where, p, errors);
            }
            else if (p.NameEquals("grading"u8))
            {
                if (p.Value.ValueKind != JsonValueKind.String)
                {
                    errors.Add(new StixError(where.At(p), "must be a string"));
                }
                else if (JsonText.TryParse<Grading>(p.Value, Grading.TryParse, out var g))
                {
                    grading = g;
                }
                else
                {
                    errors.Add(new StixError(where.At(p), "grading must be an Admiralty code: A-F then 1-6, e.g. \"B2\""));
                }
            }
            else if (!(p.NameEquals("originator"u8) || p.NameEquals("tlp"u8) || p.NameEquals("signature"u8)))
            {
                // originator, tlp and signature are written by Concord on output; on input the node decides them.
                errors.Add(new StixError(where.At(p), $"unknown property '{p.Name}' in the Concord extension"));
            }
        }

        if (!Handling.TryCreate(caveats, purpose, restriction, out var handling, out var error))
        {
            errors.Add(new StixError(where.ToString(), error));
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

    private static Release? ReadRelease(JsonElement value, Where where, JsonProperty property, List<StixError> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new StixError(where.At(property), "release must be an object with \"channels\" and \"parties\" arrays"));
            return null;
        }

        // Most objects of a page carry the release of the one before: reuse its ids and, when it is the same, the
        // release itself (it is immutable), rather than making new strings and sets for every object.
        var last = LastRead;
        var parties = ScratchParties ??= [];
        var channels = ScratchChannels ??= [];
        parties.Clear();
        channels.Clear();
        foreach (var p in value.EnumerateObject())
        {
            var isParty = p.NameEquals("parties"u8);
            if (!isParty && !p.NameEquals("channels"u8))
            {
                errors.Add(new StixError($"{where.At(property)}/{JsonPointer.Escape(p.Name)}", $"unknown property '{p.Name}' in release"));
                continue;
            }

            if (p.Value.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new StixError($"{where.At(property)}/{p.Name}", $"{p.Name} must be an array of ids"));
                continue;
            }

            var i = 0;
            foreach (var item in p.Value.EnumerateArray())
            {
                var ok = isParty
                    ? TryAdd(item, last?.Parties, parties, static party => party.Value, PartyId.TryParse)
                    : TryAdd(item, last?.Channels, channels, static channel => channel.Value, ChannelId.TryParse);
                if (!ok)
                {
                    errors.Add(new StixError($"{where.At(property)}/{p.Name}/{i}", $"not a {(isParty ? "party" : "channel")} id (2-64 of a-z, 0-9 and '-')"));
                }

                i++;
            }
        }

        if (last is not null && SameSet(parties, last.Parties) && SameSet(channels, last.Channels))
        {
            return last.Release;
        }

        var release = new Release(parties, channels);
        LastRead = new LastRelease(release, [.. release.Parties], [.. release.Channels]);
        return release;
    }

    private static bool TryAdd<T>(JsonElement item, T[]? known, List<T> into, Func<T, string> valueOf, Parser<T> parse)
    {
        if (item.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        foreach (var k in known ?? [])
        {
            if (item.ValueEquals(valueOf(k)))
            {
                into.Add(k);
                return true;
            }
        }

        if (!parse(item.GetString(), out var parsed))
        {
            return false;
        }

        into.Add(parsed);
        return true;
    }

    /// <summary>True when the list holds exactly the items of <paramref name="set"/> (a release's distinct ids), in any order, repeats aside.</summary>
    private static bool SameSet<T>(List<T> items, T[] set)
    {
        foreach (var item in items)
        {
            if (Array.IndexOf(set, item) < 0)
            {
                return false;
            }
        }

        foreach (var item in set)
        {
            if (!items.Contains(item))
            {
                return false;
            }
        }

        return true;
    }

    private static Caveats ReadCaveats(JsonElement value, Where where, JsonProperty property, List<StixError> errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new StixError(where.At(property), "caveats must be an array of codes (ORCON, H0, H1, H2, H3)"));
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
                errors.Add(new StixError($"{where.At(property)}/{i}", "not a caveat code (ORCON, H0, H1, H2, H3)"));
            }

            i++;
        }

        return result;
    }

    private static string? ReadString(JsonElement value, Where where, JsonProperty property, List<StixError> errors)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        errors.Add(new StixError(where.At(property), "must be a string"));
        return null;
    }

    // Per-thread scratch space and the last release read: a page is read on a few threads, one object at a time each.
    [ThreadStatic]
    private static List<PartyId>? ScratchParties;

    [ThreadStatic]
    private static List<ChannelId>? ScratchChannels;

    [ThreadStatic]
    private static LastRelease? LastRead;

    private delegate bool Parser<T>(string? text, out T value);

    /// <summary>The last release read on this thread, with its ids as arrays for lookups that make no garbage.</summary>
    private sealed record LastRelease(Release Release, PartyId[] Parties, ChannelId[] Channels);

    /// <summary>
    /// Where the extension is in the input: its own pointer, or (in an object) the object's pointer, from which the
    /// extension's is made only when an error needs it.
    /// </summary>
    internal readonly record struct Where(string Pointer, bool InObject)
    {
        public string At(JsonProperty property) => $"{this}/{JsonPointer.Escape(property.Name)}";

        public override string ToString() => InObject ? $"{Pointer}/extensions/{Id}" : Pointer;
    }
}
