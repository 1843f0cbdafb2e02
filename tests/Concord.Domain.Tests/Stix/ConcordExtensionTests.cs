using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Domain.Tests.Support;

namespace Concord.Domain.Tests.Stix;

public sealed class ConcordExtensionTests
{
    private const string At = "/extensions/" + ConcordExtension.Id;

    [Theory]
    [InlineData("\"release me\"", "")]
    [InlineData("""{"extension_type":"new-sdo"}""", "/extension_type")]
    [InlineData("""{"release":["us-ru-wg"]}""", "/release")]
    [InlineData("""{"release":{"groups":[]}}""", "/release/groups")]
    [InlineData("""{"release":{"a/b~c":[]}}""", "/release/a~1b~0c")]
    [InlineData("""{"release":{"parties":"ru-fsb"}}""", "/release/parties")]
    [InlineData("""{"release":{"parties":["ru-fsb","RU FSB"]}}""", "/release/parties/1")]
    [InlineData("""{"release":{"channels":[7]}}""", "/release/channels/0")]
    [InlineData("""{"caveats":"ORCON"}""", "/caveats")]
    [InlineData("""{"caveats":["ORCON","NOFORN"]}""", "/caveats/1")]
    [InlineData("""{"purpose":5}""", "/purpose")]
    [InlineData("""{"restriction":true}""", "/restriction")]
    [InlineData("""{"grading":"G7"}""", "/grading")]
    [InlineData("""{"grading":2}""", "/grading")]
    [InlineData("""{"colour":"red"}""", "/colour")]
    [InlineData("""{"caveats":["H0"]}""", "")]
    [InlineData("""{"caveats":["H3"],"restriction":" "}""", "")]
    public void A_bad_extension_is_refused_with_a_pointer_into_it(string extension, string pointer)
    {
        var obj = StixJson.Parse(ValidDomainObjects.All["campaign"]);
        obj["extensions"] = new JsonObject { [ConcordExtension.Id] = JsonNode.Parse(extension) };

        var result = StixJson.Validate(obj);

        Assert.False(result.IsValid);
        Assert.Equal([At + pointer], result.Errors.Select(e => e.Pointer));
    }

    [Fact]
    public void A_good_extension_is_read_and_taken_out_of_the_stored_json()
    {
        var obj = StixJson.Parse(ValidDomainObjects.All["campaign"]);
        obj["extensions"] = JsonNode.Parse($$$"""
            {"{{{ConcordExtension.Id}}}":{"extension_type":"property-extension","originator":"us-fbi","tlp":"clear","signature":"x",
              "release":{"parties":["us-fbi"],"channels":["us-ru-wg","kabul-conf"]},"caveats":["orcon","H0"],"purpose":"counter-terrorism","grading":"b2"},
             "extension-definition--9c59fd79-4215-4ba2-920d-3e4f320e1e62":{"extension_type":"property-extension","rank":3}}
            """);

        var stored = StixJson.Validate(obj).Object!;

        Assert.Equal(new Release([PartyId.Parse("us-fbi")], [ChannelId.Parse("us-ru-wg"), ChannelId.Parse("kabul-conf")]), stored.Concord.Release);
        Assert.Equal(Caveats.Orcon | Caveats.PurposeOnly, stored.Concord.Handling.Caveats);
        Assert.Equal("counter-terrorism", stored.Concord.Handling.Purpose);
        Assert.Equal(Grading.Parse("B2"), stored.Concord.Grading);
        var json = JsonNode.Parse(stored.Json.Span)!;
        Assert.Null(json["extensions"]![ConcordExtension.Id]);
        Assert.NotNull(json["extensions"]!["extension-definition--9c59fd79-4215-4ba2-920d-3e4f320e1e62"]);
    }

    [Fact]
    public void Without_other_extensions_the_stored_json_has_no_extensions_at_all()
    {
        var obj = StixJson.Parse(ValidDomainObjects.All["campaign"]);
        obj["extensions"] = new JsonObject { [ConcordExtension.Id] = new JsonObject { ["grading"] = "A1" } };

        var stored = StixJson.Validate(obj).Object!;

        Assert.True(JsonNode.DeepEquals(StixJson.Parse(ValidDomainObjects.All["campaign"]), JsonNode.Parse(stored.Json.Span)));
    }

    [Fact]
    public void Reading_straight_from_an_element_puts_errors_under_the_given_pointer()
    {
        using var doc = JsonDocument.Parse("""{"release":{"parties":[1]},"grading":"Z9"}""");
        var errors = new List<StixError>();

        var properties = ConcordExtension.Read(doc.RootElement, "/x", errors);

        Assert.Equal(["/x/release/parties/0", "/x/grading"], errors.Select(e => e.Pointer));
        Assert.Null(properties.Grading);
    }

    [Fact]
    public void A_recipient_is_written_only_its_own_channels_and_itself()
    {
        Gen.Select(Generators.Reader, Generators.Distribution, Generators.Grading).Where((r, d, _) => r.Party != d.Originator).Sample((reader, distribution, grading) =>
        {
            var ext = ConcordJson.Extension(reader, distribution, grading);
            var channels = ConcordJson.Strings(ext["release"]!["channels"]);
            var parties = ConcordJson.Strings(ext["release"]!["parties"]);

            Assert.Equal(distribution.Originator.Value, (string?)ext["originator"]);
            Assert.Equal(distribution.Release.Channels.Where(reader.Channels.Contains).Select(c => c.Value).Order(StringComparer.Ordinal), channels);
            Assert.Equal(distribution.Release.Parties.Contains(reader.Party) ? [reader.Party.Value] : [], parties);
        });
    }

    [Fact]
    public void The_originator_is_written_the_whole_release_in_order()
    {
        Gen.Select(Generators.Distribution, Generators.Grading).Sample((distribution, grading) =>
        {
            var ext = ConcordJson.Extension(new Reader(distribution.Originator, []), distribution, grading);

            Assert.Equal(distribution.Release.Channels.Select(c => c.Value).Order(StringComparer.Ordinal), ConcordJson.Strings(ext["release"]!["channels"]));
            Assert.Equal(distribution.Release.Parties.Select(p => p.Value).Order(StringComparer.Ordinal), ConcordJson.Strings(ext["release"]!["parties"]));
        });
    }

    [Fact]
    public void What_the_originator_is_written_reads_back_the_same()
    {
        Gen.Select(Generators.Distribution, Generators.Grading).Sample((distribution, grading) =>
        {
            var ext = ConcordJson.Extension(new Reader(distribution.Originator, []), distribution, grading);
            using var doc = JsonDocument.Parse(ext.ToJsonString());
            var errors = new List<StixError>();

            var read = ConcordExtension.Read(doc.RootElement, string.Empty, errors);

            Assert.Empty(errors);
            Assert.Equal(distribution.Release, read.Release);
            Assert.Equal(distribution.Handling, read.Handling);
            Assert.Equal(grading, read.Grading);
            Assert.Equal(distribution.Tlp is { } t ? Tlp.TokenOf(t) : null, (string?)ext["tlp"]);
            Assert.Equal("property-extension", (string?)ext["extension_type"]);
        });
    }
}
