using System.Globalization;
using System.Text.Json;
using Concord.Domain.Directory;

namespace Concord.Domain.Deconfliction;

/// <summary>
/// Reads an operation plan from its JSON form, shared by the HTTP API and the CLI:
/// <code>
/// { "kind": "ground_raid", "area": { GeoJSON Feature }, "start": "2026-03-01T02:00:00Z", "end": "…Z",
///   "margin_minutes": 30, "altitude": { "lower_m": 0, "upper_m": 3000 }, "sensitivity": "routine",
///   "contact": { "member": "duty@us-dni", "name": "…", "phone": "…", "radio": "…", "email": "…" },
///   "reveal": ["party", "kind"], "reference": "…" }
/// </code>
/// For an amendment, <c>current</c> supplies every field the request leaves out. Every error carries a JSON pointer.
/// </summary>
public static class OperationPlanParser
{
    /// <summary>Parses a plan; on failure, every error found.</summary>
    public static bool TryParse(JsonElement root, DeconflictionLimits limits, OperationPlan? current, out OperationPlan? plan, out IReadOnlyList<DeconflictionError> errors)
    {
        ArgumentNullException.ThrowIfNull(limits);
        plan = null;
        var found = new List<DeconflictionError>();
        errors = found;
        if (root.ValueKind != JsonValueKind.Object)
        {
            found.Add(new DeconflictionError(string.Empty, "the operation must be a JSON object"));
            return false;
        }

        var kind = current?.Kind;
        if (Get(root, "kind") is { } kindElement)
        {
            kind = kindElement.ValueKind == JsonValueKind.String && TryParseKind(kindElement.GetString(), out var k) ? k : null;
            if (kind is null)
            {
                found.Add(new DeconflictionError("/kind", "unknown kind; use one of " + string.Join(", ", Enum.GetValues<OperationKind>().Select(KindName))));
            }
        }
        else if (kind is null)
        {
            found.Add(new DeconflictionError("/kind", "the operation needs a kind"));
        }

        var area = current?.Area;
        if (Get(root, "area") is { } areaElement)
        {
            area = AreaParser.TryParse(areaElement, "/area", limits, null, out var a, out var areaErrors) ? a : null;
            found.AddRange(areaErrors);
        }
        else if (area is null)
        {
            found.Add(new DeconflictionError("/area", "the operation needs an area (a GeoJSON Feature)"));
        }

        var start = Time(root, "start", current?.Window.Start, found);
        var end = Time(root, "end", current?.Window.End, found);
        var margin = current?.Window.Margin ?? TimeSpan.Zero;
        if (Get(root, "margin_minutes") is { } marginElement)
        {
            if (marginElement.ValueKind == JsonValueKind.Number && marginElement.TryGetDouble(out var minutes) && double.IsFinite(minutes) && minutes is >= 0 and <= 100_000)
            {
                margin = TimeSpan.FromMinutes(minutes);
            }
            else
            {
                found.Add(new DeconflictionError("/margin_minutes", "the margin must be a number of minutes, 0 or more"));
            }
        }

        TimeWindow? window = null;
        if (start is { } s && end is { } e)
        {
            if (TimeWindow.TryCreate(s, e, margin, limits, out var w, out var windowErrors))
            {
                window = w;
            }

            found.AddRange(windowErrors.Select(x => x with { Pointer = x.Pointer == "margin" ? "/margin_minutes" : "/" + x.Pointer }));
        }

        var altitude = current?.Altitude;
        if (Get(root, "altitude") is { } altitudeElement)
        {
            altitude = null;
            if (altitudeElement.ValueKind != JsonValueKind.Null)
            {
                var lower = altitudeElement.ValueKind == JsonValueKind.Object && Get(altitudeElement, "lower_m") is { ValueKind: JsonValueKind.Number } l ? l.GetDouble() : double.NaN;
                var upper = altitudeElement.ValueKind == JsonValueKind.Object && Get(altitudeElement, "upper_m") is { ValueKind: JsonValueKind.Number } u ? u.GetDouble() : double.NaN;
                if (AltitudeBand.TryCreate(lower, upper, out var band, out var error))
                {
                    altitude = band;
                }
                else
                {
                    found.Add(new DeconflictionError("/altitude", $"{error} (give lower_m and upper_m in metres)"));
                }
            }
        }

        var sensitivity = current?.Sensitivity ?? Sensitivity.Routine;
        if (Get(root, "sensitivity") is { } sensitivityElement)
        {
            if (sensitivityElement.ValueKind == JsonValueKind.String && TryParseEnum<Sensitivity>(sensitivityElement.GetString(), out var level))
            {
                sensitivity = level;
            }
            else
            {
                found.Add(new DeconflictionError("/sensitivity", "use routine, sensitive or highly_sensitive"));
            }
        }

        var contact = current?.Contact;
        if (Get(root, "contact") is { } contactElement)
        {
            contact = null;
            if (contactElement.ValueKind != JsonValueKind.Object)
            {
                found.Add(new DeconflictionError("/contact", "the contact must be an object"));
            }
            else
            {
                var member = MemberId.TryParse(Text(contactElement, "member"), out var m) ? m : default;
                var parsed = new DutyContact(member, Text(contactElement, "name") ?? string.Empty, Text(contactElement, "phone"), Text(contactElement, "radio"), Text(contactElement, "email"));
                var contactErrors = parsed.Check("/contact");
                found.AddRange(contactErrors);
                contact = contactErrors.Count == 0 ? parsed : null;
            }
        }
        else if (contact is null)
        {
            found.Add(new DeconflictionError("/contact", "the operation needs a duty contact"));
        }

        var reveal = current?.Reveal ?? Reveal.Nothing;
        if (Get(root, "reveal") is { } revealElement)
        {
            reveal = Reveal.Nothing;
            if (revealElement.ValueKind != JsonValueKind.Array)
            {
                found.Add(new DeconflictionError("/reveal", "reveal must be a list of \"party\" and \"kind\""));
            }
            else
            {
                var i = 0;
                foreach (var item in revealElement.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String && TryParseEnum<Reveal>(item.GetString(), out var flag) && flag != Reveal.Nothing)
                    {
                        reveal |= flag;
                    }
                    else
                    {
                        found.Add(new DeconflictionError($"/reveal/{i}", "reveal only \"party\" or \"kind\""));
                    }

                    i++;
                }
            }
        }

        var reference = current?.Reference;
        if (Get(root, "reference") is { } referenceElement)
        {
            reference = referenceElement.ValueKind == JsonValueKind.String ? referenceElement.GetString() : null;
            if (referenceElement.ValueKind is not (JsonValueKind.String or JsonValueKind.Null) || reference is { Length: > 120 } || (reference?.Any(char.IsControl) ?? false))
            {
                found.Add(new DeconflictionError("/reference", "the reference must be text of at most 120 characters"));
            }
        }

        if (found.Count > 0)
        {
            return false;
        }

        plan = new OperationPlan(kind!.Value, area!, window!, altitude, sensitivity, contact!, reveal, reference);
        return true;
    }

    /// <summary>The wire name of a kind, e.g. <c>ground_raid</c>.</summary>
    public static string KindName(OperationKind kind) => SnakeCase(kind.ToString());

    /// <summary>The wire name of a sensitivity, e.g. <c>highly_sensitive</c>.</summary>
    public static string SensitivityName(Sensitivity sensitivity) => SnakeCase(sensitivity.ToString());

    /// <summary>Parses a kind from <c>ground_raid</c>, <c>ground-raid</c> or <c>GroundRaid</c>.</summary>
    public static bool TryParseKind(string? text, out OperationKind kind) => TryParseEnum(text, out kind);

    private static bool TryParseEnum<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var compact = text.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return !compact.Any(char.IsDigit) && Enum.TryParse(compact, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static JsonElement? Get(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Time(JsonElement root, string name, DateTimeOffset? fallback, List<DeconflictionError> found)
    {
        if (Get(root, name) is not { } element)
        {
            if (fallback is null)
            {
                found.Add(new DeconflictionError("/" + name, $"the operation needs a {name} time (UTC, e.g. 2026-03-01T02:00:00Z)"));
            }

            return fallback;
        }

        if (element.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            && (element.GetString()!.EndsWith('Z') || at.Offset == TimeSpan.Zero))
        {
            return at;
        }

        found.Add(new DeconflictionError("/" + name, "give a UTC time such as 2026-03-01T02:00:00Z"));
        return null;
    }
}
