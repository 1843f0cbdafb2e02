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

    private static JsonObject WithForeignExtension()
    {
        var obj = StixJson.Parse(ValidDomainObjects.All["threat-actor"]);
        obj["x_acme_score"] = 7;
        obj["extensions"] = new JsonObject { [Foreign] = new JsonObject { ["extension_type"] = "property-extension", ["rank"] = 3 } };
        return obj;
    }
}
