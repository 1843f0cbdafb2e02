using System.Text.Json.Nodes;
using Concord.Domain.Stix;
using Concord.Domain.Tests.Support;

namespace Concord.Domain.Tests.Stix;

/// <summary>The OASIS STIX 2.1 examples in data/oasis-examples, read and validated whole.</summary>
public sealed class OasisExampleTests
{
    private static readonly Dictionary<string, JsonObject> Objects = TestData.ExampleObjects().ToDictionary(o => o.Label, o => o.Object);

    public static TheoryData<string> Files => new(TestData.ExampleFiles);

    public static TheoryData<string> ObjectLabels => new(Objects.Keys);

    [Fact]
    public void At_least_twelve_STIX_2_1_examples_are_present()
    {
        Assert.True(TestData.ExampleFiles.Count >= 12, string.Join(", ", TestData.ExampleFiles));
        Assert.All(Objects.Values, o => Assert.Equal("2.1", (string?)o["spec_version"]));
    }

    [Theory]
    [MemberData(nameof(ObjectLabels))]
    public void Every_object_of_every_example_is_valid(string label)
    {
        var result = StixJson.Validate(Objects[label]);

        Assert.True(result.IsValid, StixJson.Describe(result.Errors));
        Assert.Empty(result.Errors);
        Assert.Equal((string?)Objects[label]["id"], result.Object!.Id.ToString());
    }

    [Theory]
    [MemberData(nameof(ObjectLabels))]
    public void The_stored_json_is_the_input_object_with_nothing_lost(string label)
    {
        var stored = StixJson.Validate(Objects[label]).Object!;

        Assert.True(JsonNode.DeepEquals(Objects[label], JsonNode.Parse(stored.Json.Span)), label);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_bundle_parser_reads_each_example_completely(string file)
    {
        var bytes = TestData.ReadExample(file);
        var expected = TestData.ObjectsOf(bytes);

        var entries = BundleParser.ParseAll(bytes);

        Assert.All(entries, e => Assert.Null(e.Error));
        Assert.Equal(expected.Count, entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            Assert.Equal(i, entries[i].Index);
            Assert.True(JsonNode.DeepEquals(expected[i], JsonNode.Parse(entries[i].Json.Span)), $"{file} object {i}");
            Assert.True(StixValidator.Validate(entries[i].Json, entries[i].Pointer).IsValid);
        }
    }

    [Fact]
    public void A_bundle_example_gives_its_objects_pointers_into_the_objects_array()
    {
        var entries = BundleParser.ParseAll(TestData.ReadExample("cti-documentation/sighting-of-observed-data.json"));

        Assert.Equal(["/objects/0", "/objects/1", "/objects/2", "/objects/3", "/objects/4", "/objects/5"], entries.Select(e => e.Pointer));
    }

    [Fact]
    public void The_tlp_level_of_an_example_object_comes_from_its_marking_refs()
    {
        var actor = Objects.Single(o => o.Key.StartsWith("cti-documentation/using-granular-markings.json", StringComparison.Ordinal) && o.Key.EndsWith("threat-actor", StringComparison.Ordinal)).Value;
        var identity = Objects.First(o => o.Key.StartsWith("cti-documentation/using-granular-markings.json", StringComparison.Ordinal)).Value;

        Assert.Equal(TlpLevel.Red, StixJson.Validate(actor).Object!.Tlp);
        Assert.Null(StixJson.Validate(identity).Object!.Tlp);
    }

    [Fact]
    public void The_example_with_a_string_is_family_is_refused_for_that_property_only()
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestData.ExamplesRoot, "quirks", "malware-indicator-for-file-hash.json"));

        var results = BundleParser.ParseAll(bytes).Select(e => StixValidator.Validate(e.Json, e.Pointer)).ToList();

        Assert.True(results[0].IsValid);
        Assert.Equal(["/objects/1/is_family"], results[1].Errors.Select(e => e.Pointer));
        Assert.True(results[2].IsValid);
    }
}
