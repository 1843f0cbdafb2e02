using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;

namespace Concord.Domain.Tests.Support;

/// <summary>Writes Concord's extension or a rendered object to JSON nodes for inspection.</summary>
internal static class ConcordJson
{
    /// <summary>The extension as written for <paramref name="reader"/>, i.e. the value under its id.</summary>
    public static JsonObject Extension(Reader reader, Distribution distribution, Grading? grading)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            ConcordExtension.Write(writer, reader, distribution, grading);
            writer.WriteEndObject();
        }

        return (JsonObject)JsonNode.Parse(buffer.WrittenSpan)![ConcordExtension.Id]!;
    }

    /// <summary>A stored object rendered for <paramref name="reader"/>.</summary>
    public static JsonObject Rendered(ReadOnlySpan<byte> json, Reader reader, Distribution distribution, Grading? grading)
    {
        var buffer = new ArrayBufferWriter<byte>();
        // As the node writes: compact, relaxed escaping (the spliced path).
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            StixRendering.Write(writer, json, reader, distribution, grading);
        }

        return (JsonObject)JsonNode.Parse(buffer.WrittenSpan)!;
    }

    public static string[] Strings(JsonNode? node) => node is JsonArray a ? a.Select(x => (string)x!).ToArray() : [];
}
