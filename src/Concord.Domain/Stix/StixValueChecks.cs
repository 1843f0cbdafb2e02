using System.Buffers.Text;
using System.Text.Json;

namespace Concord.Domain.Stix;

/// <summary>Checks of single property values against their STIX 2.1 type; each adds errors and returns nothing.</summary>
internal static class StixValueChecks
{
    public static void Property(string type, string name, JsonElement value, StixPath at, bool millis, List<StixError> errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new StixError(at, "null is not a STIX value: leave the property out"));
        }
        else if (StixPropertyRules.Timestamps.Contains(name))
        {
            Timestamp(value, at, millis && name is "created" or "modified", errors);
        }
        else if (StixPropertyRules.Booleans.Contains(name))
        {
            Expect(value, JsonValueKind.True, JsonValueKind.False, at, "must be true or false", errors);
        }
        else if (StixPropertyRules.Integers.TryGetValue(name, out var range))
        {
            Integer(value, range.Min, range.Max, at, errors);
        }
        else if (name.EndsWith("_refs", StringComparison.Ordinal))
        {
            RefList(name, value, at, errors);
        }
        else if (name.EndsWith("_ref", StringComparison.Ordinal))
        {
            Ref(name, value, at, errors);
        }
        else if (name.EndsWith("_bin", StringComparison.Ordinal))
        {
            Binary(value, at, errors);
        }
        else if (name.EndsWith("_hex", StringComparison.Ordinal))
        {
            Hex(value, at, errors);
        }
        else if (StixPropertyRules.StringLists.Contains(name))
        {
            StringList(value, at, errors);
        }
        else if (StixPropertyRules.Strings.Contains(name))
        {
            Expect(value, JsonValueKind.String, JsonValueKind.String, at, "must be a string", errors);
        }
        else
        {
            Structured(type, name, value, at, errors);
        }
    }

    private static void Structured(string type, string name, JsonElement value, StixPath at, List<StixError> errors)
    {
        switch (name)
        {
            case "external_references":
                ObjectList(value, at, errors, (item, itemAt) =>
                {
                    if (!item.TryGetProperty("source_name", out var source) || source.ValueKind != JsonValueKind.String)
                    {
                        errors.Add(new StixError(itemAt + "/source_name", "an external reference needs a source_name string"));
                    }

                    if (item.TryGetProperty("hashes", out var hashes))
                    {
                        Hashes(hashes, itemAt + "/hashes", errors);
                    }
                });
                break;
            case "kill_chain_phases":
                ObjectList(value, at, errors, (item, itemAt) =>
                {
                    foreach (var required in (ReadOnlySpan<string>)["kill_chain_name", "phase_name"])
                    {
                        if (!item.TryGetProperty(required, out var v) || v.ValueKind != JsonValueKind.String)
                        {
                            errors.Add(new StixError($"{itemAt}/{required}", $"a kill chain phase needs a {required} string"));
                        }
                    }
                });
                break;
            case "granular_markings":
                ObjectList(value, at, errors, (item, itemAt) =>
                {
                    if (!item.TryGetProperty("selectors", out var selectors))
                    {
                        errors.Add(new StixError(itemAt + "/selectors", "a granular marking needs selectors"));
                    }
                    else
                    {
                        StringList(selectors, itemAt + "/selectors", errors);
                    }

                    var hasRef = item.TryGetProperty("marking_ref", out var markingRef);
                    var hasLang = item.TryGetProperty("lang", out _);
                    if (hasRef == hasLang)
                    {
                        errors.Add(new StixError(itemAt, "a granular marking needs exactly one of marking_ref and lang"));
                    }
                    else if (hasRef)
                    {
                        Ref("marking_ref", markingRef, itemAt + "/marking_ref", errors);
                    }
                });
                break;
            case "hashes":
                Hashes(value, at, errors);
                break;
            case "contents" when type == "language-content":
            case "definition" when type == "marking-definition":
                Expect(value, JsonValueKind.Object, JsonValueKind.Object, at, "must be a JSON object", errors);
                break;
            default:
                // A property the specification does not define for this use: kept as it is, but STIX forbids
                // empty lists everywhere, custom properties included.
                if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0)
                {
                    errors.Add(new StixError(at, "an empty list is not allowed: leave the property out"));
                }

                break;
        }
    }

    public static void Timestamp(JsonElement value, StixPath at, bool millis, List<StixError> errors)
    {
        if (!JsonText.TryParse<StixTimestamp>(value, StixTimestamp.TryParse, out var ts))
        {
            errors.Add(new StixError(at, "must be an RFC 3339 UTC timestamp like 2024-03-22T17:58:00.000Z"));
        }
        else if (millis && !ts.HasMillisecondPrecision)
        {
            errors.Add(new StixError(at, "must be precise to at least the millisecond (three fractional digits)"));
        }
    }

    private static void Binary(JsonElement value, StixPath at, List<StixError> errors)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : null;
        if (text is null || text.Length == 0 || !Base64.IsValid(text) || text.Any(char.IsWhiteSpace))
        {
            errors.Add(new StixError(at, "a _bin property holds base64"));
        }
    }

    private static void Hex(JsonElement value, StixPath at, List<StixError> errors)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : null;
        if (text is null || text.Length == 0 || text.Length % 2 != 0 || !text.All(char.IsAsciiHexDigit))
        {
            errors.Add(new StixError(at, "a _hex property holds an even number of hex digits"));
        }
    }

    private static void Integer(JsonElement value, long min, long max, StixPath at, List<StixError> errors)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var n))
        {
            errors.Add(new StixError(at, "must be an integer"));
        }
        else if (n < min || n > max)
        {
            errors.Add(new StixError(at, $"must be between {min} and {max}"));
        }
    }

    public static void Ref(string name, JsonElement value, StixPath at, List<StixError> errors)
    {
        if (!JsonText.TryParse<StixId>(value, StixId.TryParse, out var id))
        {
            errors.Add(new StixError(at, "must be a STIX identifier (type--UUID)"));
            return;
        }

        if (id.Type == "bundle")
        {
            // A bundle is a wrapper for transport, not a STIX object, so nothing can refer to one.
            errors.Add(new StixError(at, "must refer to a STIX object, not a bundle"));
        }
        else if (StixPropertyRules.RefTargets.TryGetValue(name, out var allowed) && !Allows(allowed, id.Type))
        {
            errors.Add(new StixError(at, $"must refer to {string.Join(" or ", allowed)}, not {id.Type}"));
        }
    }

    private static bool Allows(string[] allowed, string type)
    {
        var category = StixTypes.CategoryOf(type);
        foreach (var a in allowed)
        {
            var ok = a switch
            {
                "sdo" => category is StixCategory.Domain or StixCategory.Custom,
                "sco" => category is StixCategory.Observable or StixCategory.Custom,
                "sdo-or-sco" => category is StixCategory.Domain or StixCategory.Observable or StixCategory.Custom,
                _ => a == type,
            };
            if (ok)
            {
                return true;
            }
        }

        return false;
    }

    private static void RefList(string name, JsonElement value, StixPath at, List<StixError> errors)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            errors.Add(new StixError(at, "must be a non-empty array of STIX identifiers"));
            return;
        }

        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            Ref(name, item, at.Item(i++), errors);
        }
    }

    public static void StringList(JsonElement value, StixPath at, List<StixError> errors)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            errors.Add(new StixError(at, "must be a non-empty array of strings"));
            return;
        }

        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                errors.Add(new StixError($"{at}/{i}", "must be a string"));
            }

            i++;
        }
    }

    private static void Hashes(JsonElement value, StixPath at, List<StixError> errors)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.EnumerateObject().Any())
        {
            errors.Add(new StixError(at, "hashes must be a non-empty object of algorithm to hash value"));
            return;
        }

        foreach (var p in value.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.String || p.Value.GetString()!.Length == 0)
            {
                errors.Add(new StixError($"{at}/{JsonPointer.Escape(p.Name)}", "a hash value must be a non-empty string"));
            }
        }
    }

    private static void ObjectList(JsonElement value, StixPath at, List<StixError> errors, Action<JsonElement, StixPath> check)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            errors.Add(new StixError(at, "must be a non-empty array of objects"));
            return;
        }

        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemAt = at.Item(i++);
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new StixError(itemAt, "must be a JSON object"));
                continue;
            }

            check(item, itemAt);
        }
    }

    private static void Expect(JsonElement value, JsonValueKind a, JsonValueKind b, StixPath at, string message, List<StixError> errors)
    {
        if (value.ValueKind != a && value.ValueKind != b)
        {
            errors.Add(new StixError(at, message));
        }
    }
}
