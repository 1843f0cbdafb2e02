using System.Text.Json.Nodes;
using Concord.Domain.Stix;
using Concord.Domain.Tests.Support;

namespace Concord.Domain.Tests.Stix;

/// <summary>
/// Valid objects — every object of the OASIS examples, and hand-written ones of every STIX 2.1 type — pass both
/// the OASIS JSON schema of their type and Concord's validator.
/// </summary>
public sealed class SchemaAgreementTests
{
    /// <summary>
    /// TLP 1.0 marking definitions in the examples omit <c>name</c>; the OASIS schema's TLP branch requires it
    /// (TLP:WHITE, TLP:GREEN, …) while the specification's prose does not make it a condition of validity.
    /// Concord accepts them: it knows TLP markings by their fixed ids.
    /// </summary>
    private static readonly HashSet<string> TlpWithoutName = new(StringComparer.Ordinal)
    {
        "cti-documentation/using-granular-markings.json#2 marking-definition",
        "cti-documentation/using-granular-markings.json#3 marking-definition",
        "cti-documentation/using-granular-markings.json#4 marking-definition",
        "cti-documentation/using-marking-definitions.json#2 marking-definition",
    };

    private static readonly Dictionary<string, JsonObject> Examples = TestData.ExampleObjects().ToDictionary(o => o.Label, o => o.Object);

    private static readonly Dictionary<string, JsonObject> HandWritten = TestData.HandWrittenObjects().ToDictionary(o => o.Label, o => o.Object);

    public static TheoryData<string> ExampleLabels => new(Examples.Keys.Where(k => !TlpWithoutName.Contains(k)));

    public static TheoryData<string> TlpWithoutNameLabels => new(TlpWithoutName);

    public static TheoryData<string> HandWrittenLabels => new(HandWritten.Keys);

    [Theory]
    [MemberData(nameof(ExampleLabels))]
    public async Task Example_objects_pass_the_OASIS_schema(string label)
    {
        var errors = await StixSchemas.Validate((string)Examples[label]["type"]!, Examples[label].ToJsonString());

        Assert.True(errors.Count == 0, StixSchemas.Describe(errors));
    }

    [Theory]
    [MemberData(nameof(TlpWithoutNameLabels))]
    public async Task Example_tlp_markings_without_a_name_fail_only_the_schema(string label)
    {
        var marking = Examples[label];
        var errors = await StixSchemas.Validate("marking-definition", marking.ToJsonString());

        Assert.Equal("tlp", (string?)marking["definition_type"]);
        Assert.False(marking.ContainsKey("name"));
        Assert.Contains(StixSchemas.Flatten(errors), e => e.Kind == NJsonSchema.Validation.ValidationErrorKind.PropertyRequired && e.Path == "#/name");
        Assert.True(StixJson.Validate(marking).IsValid);
        Assert.NotNull(Tlp.LevelOf((string)marking["id"]!));
    }

    [Fact]
    public void Hand_written_objects_cover_every_STIX_2_1_type()
    {
        var types = HandWritten.Values.Select(o => (string)o["type"]!).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(19, StixTypes.DomainObjects.Count);
        Assert.Equal(18, StixTypes.ObservableObjects.Count);
        Assert.Superset(StixTypes.DomainObjects.ToHashSet(), types);
        Assert.Superset(StixTypes.RelationshipObjects.ToHashSet(), types);
        Assert.Superset(StixTypes.ObservableObjects.ToHashSet(), types);
        Assert.Superset(StixTypes.MetaObjects.ToHashSet(), types);
        var tlp2 = HandWritten.Where(kv => kv.Key.StartsWith("tlp2/", StringComparison.Ordinal)).ToList();
        Assert.True(tlp2.Count >= 3);
        Assert.All(tlp2, kv => Assert.NotNull(Tlp.LevelOf((string)kv.Value["id"]!)));
    }

    [Theory]
    [MemberData(nameof(HandWrittenLabels))]
    public async Task Hand_written_objects_pass_the_OASIS_schema(string label)
    {
        var errors = await StixSchemas.Validate((string)HandWritten[label]["type"]!, HandWritten[label].ToJsonString());

        Assert.True(errors.Count == 0, StixSchemas.Describe(errors));
    }

    [Theory]
    [MemberData(nameof(HandWrittenLabels))]
    public void Hand_written_objects_pass_the_validator_unchanged(string label)
    {
        var result = StixJson.Validate(HandWritten[label]);

        Assert.True(result.IsValid, StixJson.Describe(result.Errors));
        Assert.True(JsonNode.DeepEquals(HandWritten[label], JsonNode.Parse(result.Object!.Json.Span)));
    }
}
