using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Concord.Cli.Deconfliction;

/// <summary>
/// The options that describe an operation, turned into the JSON form the API takes (so the CLI and the API
/// share one parser). For <c>register</c> the required ones must be given; for <c>amend</c> only the changes.
/// </summary>
internal sealed class OpsInput
{
    public Option<string> Kind { get; } = new("--kind") { Description = "air_strike, drone_patrol, manned_patrol, ground_raid, surveillance, convoy, border_operation, humanitarian_delivery or other." };

    public Option<string> Area { get; } = new("--area") { Description = "GeoJSON file (a Feature or geometry: Point, LineString or Polygon), or '-' for standard input." };

    public Option<double?> Radius { get; } = new("--radius") { Description = "Circle radius in metres (for a Point)." };

    public Option<double?> Width { get; } = new("--width") { Description = "Route width in metres (for a LineString)." };

    public Option<double?> Buffer { get; } = new("--buffer") { Description = "Safety buffer around the area, metres." };

    public Option<string> Start { get; } = new("--start") { Description = "Start, UTC (e.g. 2026-03-01T02:00:00Z)." };

    public Option<string> End { get; } = new("--end") { Description = "End, UTC." };

    public Option<double?> Margin { get; } = new("--margin") { Description = "Safety margin before and after, minutes." };

    public Option<string> Altitude { get; } = new("--altitude") { Description = "Altitude band LOWER-UPPER in metres above sea level (half-open), e.g. 0-3000." };

    public Option<string> Sensitivity { get; } = new("--sensitivity") { Description = "routine, sensitive or highly_sensitive (coarser disclosed areas)." };

    public Option<string> Contact { get; } = new("--contact") { Description = "The duty officer's member id (default: the --as member)." };

    public Option<string> ContactName { get; } = new("--contact-name") { Description = "How the other side should address the duty officer (disclosed)." };

    public Option<string> Phone { get; } = new("--phone") { Description = "Duty telephone (disclosed)." };

    public Option<string> Radio { get; } = new("--radio") { Description = "Duty radio net or frequency (disclosed)." };

    public Option<string> Email { get; } = new("--email") { Description = "Duty e-mail (disclosed)." };

    public Option<string[]> Reveal { get; } = new("--reveal") { Description = "Also reveal to the other side: party, kind.", AllowMultipleArgumentsPerToken = true };

    public Option<string> Reference { get; } = new("--reference") { Description = "Your own reference (never disclosed)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Kind, Area, Radius, Width, Buffer, Start, End, Margin, Altitude, Sensitivity, Contact, ContactName, Phone, Radio, Email, Reveal, Reference })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The request body; <paramref name="actor"/> is the default contact for a registration.</summary>
    public async Task<JsonElement> ToJsonAsync(ParseResult parse, string? actor, CancellationToken cancellationToken)
    {
        var json = new JsonObject();
        Set(json, "kind", parse.GetValue(Kind));
        if (parse.GetValue(Area) is { } area)
        {
            json["area"] = await ReadAreaAsync(area, parse, cancellationToken);
        }
        else if (parse.GetValue(Radius) is not null || parse.GetValue(Width) is not null || parse.GetValue(Buffer) is not null)
        {
            throw new CliException("--radius, --width and --buffer go with --area");
        }

        Set(json, "start", parse.GetValue(Start));
        Set(json, "end", parse.GetValue(End));
        if (parse.GetValue(Margin) is { } margin)
        {
            json["margin_minutes"] = margin;
        }

        if (parse.GetValue(Altitude) is { } altitude)
        {
            if (!Domain.Deconfliction.AltitudeBand.TryParse(altitude, out var band, out var error))
            {
                throw new CliException($"--altitude: {error}");
            }

            json["altitude"] = new JsonObject { ["lower_m"] = band.Lower, ["upper_m"] = band.Upper };
        }

        Set(json, "sensitivity", parse.GetValue(Sensitivity));
        var contact = parse.GetValue(Contact) ?? actor;
        if (contact is not null || parse.GetValue(ContactName) is not null || parse.GetValue(Phone) is not null || parse.GetValue(Radio) is not null || parse.GetValue(Email) is not null)
        {
            var c = new JsonObject();
            Set(c, "member", contact);
            Set(c, "name", parse.GetValue(ContactName));
            Set(c, "phone", parse.GetValue(Phone));
            Set(c, "radio", parse.GetValue(Radio));
            Set(c, "email", parse.GetValue(Email));
            json["contact"] = c;
        }

        if (parse.GetValue(Reveal) is { Length: > 0 } reveal)
        {
            json["reveal"] = new JsonArray(reveal.SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(r => (JsonNode)r).ToArray());
        }

        Set(json, "reference", parse.GetValue(Reference));
        return JsonSerializer.SerializeToElement(json);
    }

    private async Task<JsonNode> ReadAreaAsync(string source, ParseResult parse, CancellationToken cancellationToken)
    {
        var text = source == "-"
            ? await (CliRunner.Input.Value ?? Console.In).ReadToEndAsync(cancellationToken)
            : File.Exists(source) ? await File.ReadAllTextAsync(source, cancellationToken) : throw new CliException($"--area: no file '{source}'");
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new CliException($"--area: not JSON (line {ex.LineNumber + 1}): {ex.Message.Split('.')[0]}");
        }

        if (node is not JsonObject feature)
        {
            throw new CliException("--area: expected a GeoJSON Feature or geometry object");
        }

        if ((string?)feature["type"] != "Feature")
        {
            feature = new JsonObject { ["type"] = "Feature", ["geometry"] = feature, ["properties"] = new JsonObject() };
        }

        if (feature["properties"] is not JsonObject properties)
        {
            properties = new JsonObject();
            feature["properties"] = properties;
        }

        if (parse.GetValue(Radius) is { } radius)
        {
            properties["radius_m"] = radius;
        }

        if (parse.GetValue(Width) is { } width)
        {
            properties["width_m"] = width;
        }

        if (parse.GetValue(Buffer) is { } buffer)
        {
            properties["buffer_m"] = buffer;
        }

        return feature;
    }

    private static void Set(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
}
