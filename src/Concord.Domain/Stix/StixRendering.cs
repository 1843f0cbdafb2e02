using System.Text.Json;
using Concord.Domain.Releasability;

namespace Concord.Domain.Stix;

/// <summary>
/// Writes a stored object version for one reader: the object's own JSON with Concord's extension added,
/// showing the reader only the part of the release it may know of.
/// </summary>
public static class StixRendering
{
    /// <summary>Writes the version as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> json, Reader reader, Distribution distribution, Grading? grading, byte[]? signature = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var source = new Utf8JsonReader(json);
        using var doc = JsonDocument.ParseValue(ref source);
        var wroteExtensions = false;
        writer.WriteStartObject();
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (p.Name == "extensions" && p.Value.ValueKind == JsonValueKind.Object)
            {
                writer.WriteStartObject("extensions");
                foreach (var e in p.Value.EnumerateObject())
                {
                    e.WriteTo(writer);
                }

                ConcordExtension.Write(writer, reader, distribution, grading, signature);
                writer.WriteEndObject();
                wroteExtensions = true;
                continue;
            }

            p.WriteTo(writer);
        }

        if (!wroteExtensions)
        {
            writer.WriteStartObject("extensions");
            ConcordExtension.Write(writer, reader, distribution, grading, signature);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
