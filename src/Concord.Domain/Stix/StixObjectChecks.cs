using System.Text.Json;

namespace Concord.Domain.Stix;

/// <summary>The STIX 2.1 rules that tie several properties of one object together.</summary>
internal static class StixObjectChecks
{
    public static void Check(string type, JsonElement obj, string pointer, List<StixError> errors)
    {
        NotBefore(obj, "created", "modified", pointer, errors, strict: false);
        switch (type)
        {
            case "indicator":
                NotBefore(obj, "valid_from", "valid_until", pointer, errors, strict: true);
                break;
            case "campaign" or "intrusion-set" or "threat-actor" or "infrastructure" or "sighting":
                NotBefore(obj, "first_seen", "last_seen", pointer, errors, strict: false);
                break;
            case "observed-data":
                NotBefore(obj, "first_observed", "last_observed", pointer, errors, strict: false);
                if (obj.TryGetProperty("objects", out _) == obj.TryGetProperty("object_refs", out _))
                {
                    errors.Add(new StixError(pointer + "/object_refs", "observed-data needs exactly one of object_refs and the deprecated objects"));
                }

                break;
            case "relationship":
                if (obj.TryGetProperty("relationship_type", out var rt) && rt.ValueKind == JsonValueKind.String && !IsRelationshipType(rt.GetString()!))
                {
                    errors.Add(new StixError(pointer + "/relationship_type", "relationship_type must be lower-case a-z, 0-9 and hyphens"));
                }

                NotBefore(obj, "start_time", "stop_time", pointer, errors, strict: true);
                break;
            case "malware":
                NotBefore(obj, "first_seen", "last_seen", pointer, errors, strict: false);
                if (obj.TryGetProperty("is_family", out var family) && family.ValueKind == JsonValueKind.True && !obj.TryGetProperty("name", out _))
                {
                    errors.Add(new StixError(pointer + "/name", "name is required on a malware family"));
                }

                break;
            case "malware-analysis":
                if (!obj.TryGetProperty("result", out _) && !obj.TryGetProperty("analysis_sco_refs", out _))
                {
                    errors.Add(new StixError(pointer + "/result", "malware-analysis needs result or analysis_sco_refs"));
                }

                break;
            case "location":
                Location(obj, pointer, errors);
                break;
            case "opinion":
                if (obj.TryGetProperty("opinion", out var op) && op.ValueKind == JsonValueKind.String && !StixPropertyRules.OpinionValues.Contains(op.GetString()!))
                {
                    errors.Add(new StixError(pointer + "/opinion", "opinion must be one of strongly-disagree, disagree, neutral, agree, strongly-agree"));
                }

                break;
            case "marking-definition":
                if (obj.TryGetProperty("definition_type", out _) != obj.TryGetProperty("definition", out _))
                {
                    errors.Add(new StixError(pointer + "/definition", "definition_type and definition go together"));
                }
                else if (!obj.TryGetProperty("definition_type", out _) && !obj.TryGetProperty("extensions", out _))
                {
                    errors.Add(new StixError(pointer + "/extensions", "a marking-definition needs definition_type and definition, or an extension"));
                }

                break;
            case "artifact":
                if (obj.TryGetProperty("payload_bin", out _) == obj.TryGetProperty("url", out _))
                {
                    errors.Add(new StixError(pointer + "/payload_bin", "an artifact needs exactly one of payload_bin and url"));
                }

                if (obj.TryGetProperty("decryption_key", out _) && !obj.TryGetProperty("encryption_algorithm", out _))
                {
                    errors.Add(new StixError(pointer + "/encryption_algorithm", "decryption_key needs encryption_algorithm"));
                }

                break;
            case "network-traffic":
                if (!obj.TryGetProperty("src_ref", out _) && !obj.TryGetProperty("dst_ref", out _))
                {
                    errors.Add(new StixError(pointer + "/src_ref", "network-traffic needs src_ref or dst_ref"));
                }

                if (obj.TryGetProperty("is_active", out var active) && active.ValueKind == JsonValueKind.True && obj.TryGetProperty("end", out _))
                {
                    errors.Add(new StixError(pointer + "/end", "active network-traffic has no end"));
                }

                break;
            case "email-message":
                if (obj.TryGetProperty("is_multipart", out var multipart) && multipart.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    var misplaced = multipart.ValueKind == JsonValueKind.True ? "body" : "body_multipart";
                    if (obj.TryGetProperty(misplaced, out _))
                    {
                        errors.Add(new StixError($"{pointer}/{misplaced}", $"{misplaced} is not allowed when is_multipart is {(multipart.ValueKind == JsonValueKind.True ? "true" : "false")}"));
                    }
                }

                break;
            case "extension-definition":
                if (obj.TryGetProperty("extension_types", out var kinds) && kinds.ValueKind == JsonValueKind.Array)
                {
                    var i = 0;
                    foreach (var kind in kinds.EnumerateArray())
                    {
                        if (kind.ValueKind == JsonValueKind.String && !StixPropertyRules.ExtensionTypes.Contains(kind.GetString()!))
                        {
                            errors.Add(new StixError($"{pointer}/extension_types/{i}", "extension_types holds new-sdo, new-sco, new-sro, property-extension or toplevel-property-extension"));
                        }

                        i++;
                    }
                }

                break;
            case "ipv4-addr" or "ipv6-addr" or "mac-addr":
                if (obj.TryGetProperty("value", out var address) && address.ValueKind == JsonValueKind.String && !StixAddresses.IsValid(type, address.GetString()!))
                {
                    errors.Add(new StixError(pointer + "/value", type switch
                    {
                        "ipv4-addr" => "must be an IPv4 address or CIDR block, e.g. 198.51.100.0/24",
                        "ipv6-addr" => "must be an IPv6 address or CIDR block",
                        _ => "must be a lower-case, colon-separated MAC-48 address, e.g. d2:fb:49:24:37:18",
                    }));
                }

                break;
            case "file":
                if (!obj.TryGetProperty("hashes", out _) && !obj.TryGetProperty("name", out _))
                {
                    errors.Add(new StixError(pointer + "/name", "a file needs hashes or name"));
                }

                break;
            default:
                break;
        }
    }

    private static void Location(JsonElement obj, string pointer, List<StixError> errors)
    {
        var hasLat = obj.TryGetProperty("latitude", out var lat);
        var hasLon = obj.TryGetProperty("longitude", out var lon);
        if (hasLat != hasLon)
        {
            errors.Add(new StixError(pointer + (hasLat ? "/longitude" : "/latitude"), "latitude and longitude go together"));
        }

        if (!hasLat && !obj.TryGetProperty("region", out _) && !obj.TryGetProperty("country", out _))
        {
            errors.Add(new StixError(pointer + "/region", "a location needs region, country, or latitude and longitude"));
        }

        if (hasLat && (lat.ValueKind != JsonValueKind.Number || lat.GetDouble() is < -90 or > 90))
        {
            errors.Add(new StixError(pointer + "/latitude", "latitude must be a number from -90 to 90"));
        }

        if (hasLon && (lon.ValueKind != JsonValueKind.Number || lon.GetDouble() is < -180 or > 180))
        {
            errors.Add(new StixError(pointer + "/longitude", "longitude must be a number from -180 to 180"));
        }

        if (obj.TryGetProperty("precision", out var precision))
        {
            if (!hasLat)
            {
                errors.Add(new StixError(pointer + "/precision", "precision needs latitude and longitude"));
            }
            else if (precision.ValueKind != JsonValueKind.Number || precision.GetDouble() < 0)
            {
                errors.Add(new StixError(pointer + "/precision", "precision must be a non-negative number of metres"));
            }
        }
    }

    private static bool IsRelationshipType(string text)
    {
        if (text.Length is 0 or > 250)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static void NotBefore(JsonElement obj, string early, string late, string pointer, List<StixError> errors, bool strict)
    {
        if (obj.TryGetProperty(early, out var a) && obj.TryGetProperty(late, out var b)
            && a.ValueKind == JsonValueKind.String && b.ValueKind == JsonValueKind.String
            && StixTimestamp.TryParse(a.GetString(), out var first) && StixTimestamp.TryParse(b.GetString(), out var second))
        {
            if (strict ? second <= first : second < first)
            {
                errors.Add(new StixError($"{pointer}/{late}", $"{late} must be {(strict ? "later than" : "the same as or later than")} {early}"));
            }
        }
    }
}
