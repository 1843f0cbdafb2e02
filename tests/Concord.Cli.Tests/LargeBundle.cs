using System.Text.Json;

namespace Concord.Cli.Tests;

/// <summary>Writes a bundle of many threat-actors straight to a file, streamed, for tests that need an input that takes a while.</summary>
internal static class LargeBundle
{
    /// <summary>Writes <paramref name="count"/> threat-actors: object i has id <paramref name="id"/>(i), name and optional alias.</summary>
    public static async Task WriteAsync(string path, int count, Func<int, string> id, Func<int, string> name, Func<int, string>? alias = null)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        await using var writer = new Utf8JsonWriter(file, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteString("type", "bundle");
        writer.WriteString("id", Stix.NewId("bundle"));
        writer.WriteStartArray("objects");
        for (var i = 0; i < count; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "threat-actor");
            writer.WriteString("spec_version", "2.1");
            writer.WriteString("id", id(i));
            writer.WriteString("created", "2024-01-01T00:00:00.000Z");
            writer.WriteString("modified", "2024-01-01T00:00:00.000Z");
            writer.WriteString("name", name(i));
            if (alias is not null)
            {
                writer.WriteStartArray("aliases");
                writer.WriteStringValue(alias(i));
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            if (writer.BytesPending > 1 << 16)
            {
                await writer.FlushAsync();
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
