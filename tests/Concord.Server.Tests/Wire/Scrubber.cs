using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Concord.Domain.Stix;

namespace Concord.Server.Tests.Wire;

/// <summary>
/// Makes a response body comparable across runs: indents the JSON, numbers random STIX ids by first
/// appearance (<c>threat-actor--&lt;1&gt;</c>; the fixed TLP and Concord ids stay), and replaces timestamps and
/// trace ids with placeholders.
/// </summary>
internal static partial class Scrubber
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly HashSet<string> FixedIds = new(StringComparer.Ordinal)
    {
        ConcordExtension.Id,
        ConcordExtension.CreatorIdentityId,
        Tlp.MarkingIdOf(TlpLevel.Clear),
        Tlp.MarkingIdOf(TlpLevel.Green),
        Tlp.MarkingIdOf(TlpLevel.Amber),
        Tlp.MarkingIdOf(TlpLevel.AmberStrict),
        Tlp.MarkingIdOf(TlpLevel.Red),
    };

    public static string Scrub(string body)
    {
        var text = JsonNode.Parse(body)?.ToJsonString(Indented) ?? "null";
        text = TraceId().Replace(text, "\"$1\": \"<trace>\"");
        text = Timestamp().Replace(text, "<timestamp>");
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        text = StixIdPattern().Replace(text, m =>
        {
            if (FixedIds.Contains(m.Value))
            {
                return m.Value;
            }

            if (!numbers.TryGetValue(m.Value, out var n))
            {
                n = numbers.Count + 1;
                numbers[m.Value] = n;
            }

            return $"{m.Groups[1].Value}--<{n}>";
        });
        return text.ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>Only the trace id replaced, for byte comparisons of two answers.</summary>
    public static string WithoutTraceId(string body) => TraceIdRaw().Replace(body, "\"$1\":\"<trace>\"");

    [GeneratedRegex("\"(traceId|trace_id)\": \"[^\"]*\"")]
    private static partial Regex TraceId();

    [GeneratedRegex("\"(traceId|trace_id)\":\"[^\"]*\"")]
    private static partial Regex TraceIdRaw();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"\b([a-z][a-z0-9-]*?)--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")]
    private static partial Regex StixIdPattern();
}
