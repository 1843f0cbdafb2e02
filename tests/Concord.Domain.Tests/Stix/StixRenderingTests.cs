using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Domain.Tests.Support;

namespace Concord.Domain.Tests.Stix;

public sealed class StixRenderingTests
{
    private const string Foreign = "extension-definition--9c59fd79-4215-4ba2-920d-3e4f320e1e62";

    private static readonly JsonObject[] Objects =
    [
        .. TestData.ExampleObjects().Select(o => o.Object),
        .. TestData.HandWrittenObjects().Select(o => o.Object),
        WithForeignExtension(),
    ];

    [Fact]
    public void Rendering_keeps_every_stored_property_and_adds_concord_beside_foreign_extensions()
    {
        Gen.Select(Gen.Int[0, Objects.Length - 1], Generators.Reader, Generators.Distribution, Generators.Grading).Sample((i, reader, distribution, grading) =>
        {
            var original = Objects[i];
            var stored = StixJson.Validate(original).Object!;

            var rendered = ConcordJson.Rendered(stored.Json.Span, reader, distribution, grading);

            foreach (var (name, value) in original.Where(p => p.Key != "extensions"))
            {
                Assert.True(JsonNode.DeepEquals(value, rendered[name]), name);
            }

            var extensions = (JsonObject)rendered["extensions"]!;
            var foreign = original["extensions"] as JsonObject ?? [];
            Assert.Equal(original.Count + (original.ContainsKey("extensions") ? 0 : 1), rendered.Count);
            Assert.Equal(foreign.Count + 1, extensions.Count);
            foreach (var (name, value) in foreign)
            {
                Assert.True(JsonNode.DeepEquals(value, extensions[name]), name);
            }

            Assert.True(JsonNode.DeepEquals(ConcordJson.Extension(reader, distribution, grading), extensions[ConcordExtension.Id]));
        });
    }

    [Fact]
    public void A_rendered_object_is_valid_again_and_carries_the_readers_view_of_the_release()
    {
        Gen.Select(Generators.Reader, Generators.Distribution).Sample((reader, distribution) =>
        {
            var stored = StixJson.Validate(WithForeignExtension()).Object!;

            var again = StixJson.Validate(ConcordJson.Rendered(stored.Json.Span, reader, distribution, null));

            Assert.True(again.IsValid, StixJson.Describe(again.Errors));
            Assert.Equal(ReleasabilityRule.VisibleRelease(reader, distribution.Originator, distribution.Release), again.Object!.Concord.Release);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(stored.Json.Span), JsonNode.Parse(again.Object.Json.Span)));
        });
    }

    [Fact]
    public void Splicing_the_extension_into_the_stored_bytes_gives_the_same_bytes_as_rewriting_the_object()
    {
        // Any text a property may hold, escapes and all: the stored form must already be the writer's own form.
        var text = Gen.String[Gen.Char.Where(c => !char.IsSurrogate(c)), 0, 12];
        Gen.Select(Gen.Int[0, Objects.Length - 1], text, Gen.Int[0, 3], Generators.Reader, Generators.Distribution, Generators.Grading)
            .Sample((i, name, shape, reader, distribution, grading) =>
            {
                var original = (JsonObject)Objects[i].DeepClone();
                original["x_concord_note"] = name;
                if (shape == 1)
                {
                    original["extensions"] = new JsonObject { [Foreign] = new JsonObject { ["extension_type"] = "property-extension", ["label"] = name } };
                }
                else if (shape == 2)
                {
                    // Only Concord's own extension: the stored form has no extensions at all.
                    original["extensions"] = new JsonObject { [ConcordExtension.Id] = new JsonObject { ["extension_type"] = "property-extension" } };
                }

                var stored = StixJson.Validate(original).Object!;
                var options = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
                var spliced = new ArrayBufferWriter<byte>();
                var rewritten = new ArrayBufferWriter<byte>();
                using (var writer = new Utf8JsonWriter(spliced, options))
                {
                    writer.WriteStartArray();
                    Assert.True(StixRendering.TryWriteSpliced(writer, stored.Json.Span, reader, distribution, grading, shape == 3 ? [1, 2, 3] : null));
                    Assert.True(StixRendering.TryWriteSpliced(writer, stored.Json.Span, reader, distribution, grading, null));
                    writer.WriteEndArray();
                }

                using (var writer = new Utf8JsonWriter(rewritten, options))
                {
                    writer.WriteStartArray();
                    StixRendering.WriteRewritten(writer, stored.Json.Span, reader, distribution, grading, shape == 3 ? [1, 2, 3] : null);
                    StixRendering.WriteRewritten(writer, stored.Json.Span, reader, distribution, grading, null);
                    writer.WriteEndArray();
                }

                Assert.Equal(System.Text.Encoding.UTF8.GetString(rewritten.WrittenSpan), System.Text.Encoding.UTF8.GetString(spliced.WrittenSpan));
            });
    }

    [Theory]
    [InlineData("{}", 0)]
    [InlineData("{ }", 0)]
    [InlineData("{ \"a\" : 1 }", 0)]
    [InlineData("{\"extensions\":{ }}", 0)]
    [InlineData("{ \"extensions\" : { \"x-ext\" : { } } , \"b\" : [ ] }", 1)]
    public void Splicing_into_json_with_any_spacing_gives_valid_json_with_the_extension(string json, int foreign)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Assert.True(StixRendering.TryWriteSpliced(writer, System.Text.Encoding.UTF8.GetBytes(json), Generators.Reader.Single(), Generators.Distribution.Single(), null, null));
        }

        var rendered = JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
        var original = JsonNode.Parse(json)!.AsObject();
        var extensions = rendered["extensions"]!.AsObject();
        Assert.Equal(foreign + 1, extensions.Count);
        Assert.NotNull(extensions[ConcordExtension.Id]);
        Assert.Equal(original.Count + (original.ContainsKey("extensions") ? 0 : 1), rendered.Count);
    }

    private static JsonObject WithForeignExtension()
    {
        var obj = StixJson.Parse(ValidDomainObjects.All["threat-actor"]);
        obj["x_acme_score"] = 7;
        obj["extensions"] = new JsonObject { [Foreign] = new JsonObject { ["extension_type"] = "property-extension", ["rank"] = 3 } };
        return obj;
    }
}
