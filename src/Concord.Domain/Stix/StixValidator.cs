using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Concord.Domain.Stix;

/// <summary>
/// Validates STIX 2.1 objects against the specification: required properties per type, <c>type--UUID</c>
/// ids that match the type, timestamp format and precision, reference target types, value types and ranges,
/// and the cross-property rules (<c>modified ≥ created</c>, <c>valid_until &gt; valid_from</c>, …). Errors
/// carry JSON pointers. Unknown properties and foreign extensions are kept untouched.
/// </summary>
public static class StixValidator
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>Parses and validates one object from its UTF-8 JSON.</summary>
    public static StixValidation Validate(ReadOnlyMemory<byte> json, string pointer = "")
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            return Validate(doc.RootElement, pointer);
        }
        catch (JsonException ex)
        {
            return new StixValidation(null, [new StixError(pointer, $"malformed JSON: {ex.Message}")], null);
        }
    }

    /// <summary>Validates one object.</summary>
    public static StixValidation Validate(JsonElement obj, string pointer = "")
    {
        var errors = new List<StixError>();
        if (obj.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new StixError(pointer, "a STIX object must be a JSON object"));
            return new StixValidation(null, errors, null);
        }

        var hasId = obj.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String;
        Span<char> buffer = stackalloc char[JsonText.MaxShort];
        string? type = null;
        if (obj.TryGetProperty("type", out var typeValue) && typeValue.ValueKind == JsonValueKind.String)
        {
            type = JsonText.TryAscii(typeValue, buffer, out var typeChars) ? JsonText.KnownType(typeChars) ?? typeChars.ToString() : typeValue.GetString();
        }

        if (type is null || !StixTypes.IsValidTypeName(type))
        {
            errors.Add(new StixError(pointer + "/type", "type is required: 3-250 characters of a-z, 0-9 and single hyphens"));
            return new StixValidation(null, errors, ClaimedId());
        }

        var category = StixTypes.CategoryOf(type);
        StixId id = default;
        if (!hasId || !JsonText.TryParse(idValue, StixId.TryParse, out id))
        {
            errors.Add(new StixError(pointer + "/id", "id is required: the type, two hyphens and an RFC 4122 UUID"));
        }
        else if (id.Type != type)
        {
            errors.Add(new StixError(pointer + "/id", $"id names type '{id.Type}' but the object is a '{type}'"));
        }

        var required = StixPropertyRules.Required.TryGetValue(type, out var r) ? r : StixPropertyRules.CustomRequired;
        foreach (var name in required)
        {
            if (!obj.TryGetProperty(name, out _))
            {
                errors.Add(new StixError($"{pointer}/{name}", $"{name} is required on a {type}"));
            }
        }

        var concord = ConcordProperties.Empty;
        var seen = SeenNames ??= new HashSet<string>(StringComparer.Ordinal);
        seen.Clear();
        var millis = category != StixCategory.Observable;
        var search = SearchText ??= new StringBuilder(512);
        search.Clear();
        foreach (var p in obj.EnumerateObject())
        {
            var name = JsonText.Name(p);
            var at = new StixPath(pointer, name);
            if (!seen.Add(name))
            {
                errors.Add(new StixError(at, $"property '{name}' appears twice"));
                continue;
            }

            switch (name)
            {
                case "type" or "id":
                    break;
                case "spec_version":
                    if (p.Value.ValueKind != JsonValueKind.String || !p.Value.ValueEquals("2.1"))
                    {
                        errors.Add(new StixError(at, "spec_version must be \"2.1\""));
                    }

                    break;
                case "extensions":
                    concord = Extensions(p.Value, pointer, errors);
                    break;
                default:
                    if (!IsKnownOrWellFormedName(name))
                    {
                        errors.Add(new StixError(at, "a custom property name must be 3-250 characters of a-z, 0-9 and _, starting with a letter"));
                    }

                    StixValueChecks.Property(type, name, p.Value, at, millis, errors);
                    if (StixPropertyRules.Searchable.Contains(name))
                    {
                        AppendSearchText(search, p.Value);
                    }

                    break;
            }
        }

        StixObjectChecks.Check(type, obj, pointer, errors);
        var tlp = TlpOf(obj, pointer, errors);
        if (errors.Count > 0)
        {
            return new StixValidation(null, errors, ClaimedId());
        }

        var created = TimestampOf(obj, "created");
        var modified = TimestampOf(obj, "modified");
        var revoked = obj.TryGetProperty("revoked", out var rv) && rv.ValueKind == JsonValueKind.True;
        var createdBy = obj.TryGetProperty("created_by_ref", out var cb) ? cb.GetString() : null;
        var stored = new StixObject(id, category, created, modified, revoked, createdBy, tlp, search.ToString(), Minify(obj), concord);
        return new StixValidation(stored, errors, null);

        string? ClaimedId() => hasId ? idValue.GetString() : null;
    }

    private static bool IsKnownOrWellFormedName(string name)
    {
        if (name.Length is < 3 or > 250)
        {
            return name is "id";
        }

        // STIX 2.1 (unlike 2.0) allows only lower-case letters, digits and underscores, and a letter first.
        if (name[0] is < 'a' or > 'z')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static ConcordProperties Extensions(JsonElement value, string pointer, List<StixError> errors)
    {
        var concord = ConcordProperties.Empty;
        if (value.ValueKind != JsonValueKind.Object || value.GetPropertyCount() == 0)
        {
            errors.Add(new StixError(pointer + "/extensions", "extensions must be a non-empty object"));
            return concord;
        }

        foreach (var ext in value.EnumerateObject())
        {
            if (ext.NameEquals(ConcordExtension.Id))
            {
                concord = ConcordExtension.Read(ext.Value, new ConcordExtension.Where(pointer, InObject: true), errors);
                continue;
            }

            var name = ext.Name;
            var isDefinition = name.StartsWith("extension-definition--", StringComparison.Ordinal);
            if (isDefinition ? !StixId.TryParse(name, out _) : !name.EndsWith("-ext", StringComparison.Ordinal))
            {
                errors.Add(new StixError($"{pointer}/extensions/{JsonPointer.Escape(name)}", "an extension key must be an extension-definition id or a predefined name ending in -ext"));
            }
            else if (ext.Value.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new StixError($"{pointer}/extensions/{JsonPointer.Escape(name)}", "an extension must be a JSON object"));
            }
        }

        return concord;
    }

    private static TlpLevel? TlpOf(JsonElement obj, string pointer, List<StixError> errors)
    {
        if (!obj.TryGetProperty("object_marking_refs", out var refs) || refs.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        TlpLevel? level = null;
        foreach (var item in refs.EnumerateArray())
        {
            if (JsonText.TryParse(item, static (ReadOnlySpan<char> text, out TlpLevel? marking) => (marking = Tlp.LevelOf(text)) is not null, out var marking) && marking is { } l)
            {
                if (level is { } existing && existing != l)
                {
                    errors.Add(new StixError(pointer + "/object_marking_refs", "carries two different TLP markings"));
                    return null;
                }

                level = l;
            }
        }

        return level;
    }

    private static StixTimestamp? TimestampOf(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && JsonText.TryParse<StixTimestamp>(v, StixTimestamp.TryParse, out var ts) ? ts : null;

    private static void AppendSearchText(StringBuilder text, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            text.Append(value.GetString()).Append('\n');
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    text.Append(item.GetString()).Append('\n');
                }
            }
        }
    }

    /// <summary>Writes the object minified, leaving out Concord's extension (and <c>extensions</c> when nothing else is in it).</summary>
    private static byte[] Minify(JsonElement obj)
    {
        var buffer = MinifyBuffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = MinifyWriter ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        writer.WriteStartObject();
        foreach (var p in obj.EnumerateObject())
        {
            if (p.NameEquals("extensions") && p.Value.ValueKind == JsonValueKind.Object)
            {
                var others = 0;
                foreach (var e in p.Value.EnumerateObject())
                {
                    if (!e.NameEquals(ConcordExtension.Id))
                    {
                        if (others++ == 0)
                        {
                            writer.WriteStartObject("extensions");
                        }

                        e.WriteTo(writer);
                    }
                }

                if (others > 0)
                {
                    writer.WriteEndObject();
                }

                continue;
            }

            p.WriteTo(writer);
        }

        writer.WriteEndObject();
        writer.Flush();
        var result = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > 1 << 20)
        {
            // Do not keep an outsized buffer alive after one huge object.
            MinifyBuffer = null;
            MinifyWriter = null;
        }

        return result;
    }

    // Per-thread scratch space: an import validates on one thread at a time, and objects are small.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? MinifyBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? MinifyWriter;

    [ThreadStatic]
    private static StringBuilder? SearchText;

    [ThreadStatic]
    private static HashSet<string>? SeenNames;
}
