using System.Buffers;
using System.Text.Encodings.Web;
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
    /// <remarks>
    /// A stored version is minified JSON the validator wrote with relaxed escaping, so for a compact writer with the
    /// same escaping its bytes are copied as they are and only Concord's extension is written, spliced in where
    /// <c>extensions</c> ends (or added last). Any other writer gets the object rewritten property by property.
    /// For stored (minified) JSON both give the same bytes: the stored text is already in the writer's own form;
    /// other JSON objects come out valid, with their own spacing kept.
    /// </remarks>
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> json, Reader reader, Distribution distribution, Grading? grading, byte[]? signature = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!writer.Options.Indented && writer.Options.Encoder == JavaScriptEncoder.UnsafeRelaxedJsonEscaping && TryWriteSpliced(writer, json, reader, distribution, grading, signature))
        {
            return;
        }

        WriteRewritten(writer, json, reader, distribution, grading, signature);
    }

    /// <summary>The object rewritten property by property, with Concord's extension added: for any writer.</summary>
    internal static void WriteRewritten(Utf8JsonWriter writer, ReadOnlySpan<byte> json, Reader reader, Distribution distribution, Grading? grading, byte[]? signature)
    {
        var source = new Utf8JsonReader(json);
        using var doc = JsonDocument.ParseValue(ref source);
        var wroteExtensions = false;
        writer.WriteStartObject();
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (p.NameEquals("extensions"u8) && p.Value.ValueKind == JsonValueKind.Object)
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

    /// <summary>The stored bytes copied with Concord's extension spliced in; false (nothing written) when they are not one JSON object.</summary>
    internal static bool TryWriteSpliced(Utf8JsonWriter writer, ReadOnlySpan<byte> json, Reader reader, Distribution distribution, Grading? grading, byte[]? signature)
    {
        // Where the extension goes: before the '}' that closes a top-level "extensions" object, or before the
        // object's own closing '}' with a new "extensions" property around it.
        var scan = new Utf8JsonReader(json);
        if (!scan.Read() || scan.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var insertAt = -1;
        var inExtensions = false;
        var properties = 0;
        var extensionsEmpty = false;
        while (scan.Read() && scan.TokenType == JsonTokenType.PropertyName)
        {
            properties++;
            var isExtensions = scan.ValueTextEquals("extensions"u8);
            if (!scan.Read())
            {
                return false;
            }

            if (isExtensions && scan.TokenType == JsonTokenType.StartObject)
            {
                var peek = scan;
                extensionsEmpty = peek.Read() && peek.TokenType == JsonTokenType.EndObject;
                scan.Skip();
                insertAt = (int)scan.TokenStartIndex;
                inExtensions = true;
            }
            else
            {
                scan.Skip();
            }
        }

        if (scan.TokenType != JsonTokenType.EndObject || scan.CurrentDepth != 0 || scan.BytesConsumed != json.Length)
        {
            return false;
        }

        if (insertAt < 0)
        {
            insertAt = (int)scan.TokenStartIndex;
        }

        var extension = ExtensionBuffer ??= new ArrayBufferWriter<byte>(1024);
        extension.ResetWrittenCount();
        var extensionWriter = ExtensionWriter ??= new Utf8JsonWriter(extension, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
        extensionWriter.Reset(extension);
        extensionWriter.WriteStartObject();
        ConcordExtension.Write(extensionWriter, reader, distribution, grading, signature);
        extensionWriter.WriteEndObject();
        extensionWriter.Flush();

        // The extension was written inside braces of its own, {"extension-definition--…":{…}}: its inside is the member.
        var member = extension.WrittenSpan[1..^1];
        var whole = SpliceBuffer ??= new ArrayBufferWriter<byte>(4096);
        whole.ResetWrittenCount();
        whole.Write(json[..insertAt]);
        if (inExtensions)
        {
            // Inside the existing extensions object: a comma unless it is empty.
            whole.Write(extensionsEmpty ? [] : ","u8);
            whole.Write(member);
        }
        else
        {
            whole.Write(properties == 0 ? "\"extensions\":{"u8 : ",\"extensions\":{"u8);
            whole.Write(member);
            whole.Write("}"u8);
        }

        whole.Write(json[insertAt..]);
        writer.WriteRawValue(whole.WrittenSpan, skipInputValidation: true);
        if (whole.Capacity > 1 << 20)
        {
            // Do not keep an outsized buffer alive after one huge object.
            SpliceBuffer = null;
        }

        return true;
    }

    // Per-thread scratch space: a page is rendered on one thread, one version at a time.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? ExtensionBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? ExtensionWriter;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? SpliceBuffer;
}
