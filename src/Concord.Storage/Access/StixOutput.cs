using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Storage.Objects;

namespace Concord.Storage.Access;

/// <summary>Writes stored versions as STIX JSON for one reader: single objects, and streamed bundles.</summary>
public static class StixOutput
{
    /// <summary>Writer options for all STIX output: non-ASCII text stays as it is (names in Cyrillic and Arabic).</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one version as a JSON object.</summary>
    public static void WriteObject(Utf8JsonWriter writer, StoredVersion version, Reader reader, byte[]? signature = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        StixRendering.Write(writer, version.Json.Span, reader, version.Distribution, version.Grading, signature);
    }

    /// <summary>One version as a JSON string.</summary>
    public static string ToJson(StoredVersion version, Reader reader)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            WriteObject(writer, version, reader);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Streams a STIX bundle of the versions to <paramref name="output"/>, led by Concord's extension-definition,
    /// and returns how many versions were written.
    /// </summary>
    public static async Task<long> WriteBundleAsync(Stream output, IAsyncEnumerable<StoredVersion> versions, Reader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versions);
        long count = 0;
        await using var writer = new Utf8JsonWriter(output, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("type", "bundle");
        writer.WriteString("id", StixId.New("bundle").ToString());
        writer.WriteStartArray("objects");
        using (var definition = JsonDocument.Parse(ConcordExtension.DefinitionJson))
        {
            definition.RootElement.WriteTo(writer);
        }

        await foreach (var version in versions.WithCancellation(cancellationToken))
        {
            WriteObject(writer, version, reader);
            if (++count % 256 == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
        return count;
    }
}
