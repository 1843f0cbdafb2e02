using System.Text;
using System.Text.Json.Nodes;
using Concord.Domain.Stix;
using Concord.Domain.Tests.Support;

namespace Concord.Domain.Tests.Stix;

public sealed class StixValidatorTests
{
    [Fact]
    public void A_property_given_twice_is_refused_at_that_property()
    {
        var json = ValidDomainObjects.All["campaign"].TrimEnd()[..^1] + ""","name":"Other"}""";

        var result = StixJson.Validate(json);

        Assert.Contains(result.Errors, e => e.Pointer == "/name");
    }

    [Fact]
    public void Errors_of_an_object_in_a_bundle_are_prefixed_with_its_pointer()
    {
        var obj = StixJson.Parse(ValidDomainObjects.All["campaign"]);
        obj["confidence"] = 101;

        var result = StixValidator.Validate(StixJson.Bytes(obj), "/objects/4");

        Assert.Equal(["/objects/4/confidence"], result.Errors.Select(e => e.Pointer));
        Assert.Equal((string?)obj["id"], result.Id);
    }

    [Fact]
    public void A_custom_object_type_is_kept_when_it_carries_the_common_properties()
    {
        var custom = StixJson.Parse("""
            {"type":"x-concord-operation","spec_version":"2.1","id":"x-concord-operation--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
             "created":"2026-01-01T00:00:00.000Z","modified":"2026-01-01T00:00:00.000Z","x_area":{"lat":34.5}}
            """);

        var result = StixJson.Validate(custom);

        Assert.True(result.IsValid, StixJson.Describe(result.Errors));
        Assert.Equal(StixCategory.Custom, result.Object!.Category);
        custom.Remove("modified");
        Assert.Equal(["/modified"], StixJson.Validate(custom).Errors.Select(e => e.Pointer));
    }

    [Theory]
    [InlineData("[1]", "")]
    [InlineData("""{"id":"campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"}""", "/type")]
    [InlineData("""{"type":"ca"}""", "/type")]
    [InlineData("{", "")]
    public void Input_that_is_no_stix_object_is_refused_at_the_root_or_type(string json, string pointer)
    {
        var result = StixValidator.Validate(Encoding.UTF8.GetBytes(json));

        Assert.False(result.IsValid);
        Assert.Equal(pointer, result.Errors[0].Pointer);
    }

    [Fact]
    public void The_version_key_is_modified_then_created_then_zero()
    {
        Assert.Equal(StixTimestamp.Parse("2016-04-06T20:03:48.000Z"), StixJson.Validate(ValidDomainObjects.All["indicator"]).Object!.Version);
        Assert.Equal(StixTimestamp.Parse("2016-08-01T00:00:00.000Z"), StixJson.Validate(ValidMetaObjects.All["marking-definition statement"]).Object!.Version);
        Assert.Equal(0, StixJson.Validate(ValidObservableObjects.All["ipv4-addr"]).Object!.Version.Ticks);
    }

    [Fact]
    public void Search_text_holds_names_aliases_descriptions_and_values()
    {
        var actor = StixJson.Validate(ValidDomainObjects.All["threat-actor"]).Object!;
        var address = StixJson.Validate(ValidObservableObjects.All["ipv4-addr"]).Object!;

        Assert.Contains("Evil Org", actor.SearchText, StringComparison.Ordinal);
        Assert.Contains("Evil Syndicate 99", actor.SearchText, StringComparison.Ordinal);
        Assert.Contains("The Evil Org threat actor group", actor.SearchText, StringComparison.Ordinal);
        Assert.DoesNotContain("2016", actor.SearchText, StringComparison.Ordinal);
        Assert.Equal("198.51.100.3\n", address.SearchText);
    }

    [Fact]
    public void Facts_of_the_stored_object_come_from_its_properties()
    {
        var obj = StixJson.Parse(ValidDomainObjects.All["indicator"]);
        obj["revoked"] = true;
        obj["object_marking_refs"] = new JsonArray("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb");

        var stored = StixJson.Validate(obj).Object!;

        Assert.True(stored.Revoked);
        Assert.Equal(TlpLevel.Green, stored.Tlp);
        Assert.Equal(ValidDomainObjects.Identity, stored.CreatedByRef);
        Assert.Equal(StixCategory.Domain, stored.Category);
        Assert.Equal("indicator", stored.Type);
    }

    [Theory]
    [InlineData("ipv4-addr", "10.0.0.0/8")]
    [InlineData("ipv4-addr", "0.0.0.0")]
    [InlineData("ipv4-addr", "255.255.255.255/32")]
    [InlineData("ipv6-addr", "2001:db8::/32")]
    [InlineData("ipv6-addr", "::1")]
    [InlineData("mac-addr", "00:00:5e:00:53:af")]
    public void Addresses_and_blocks_in_their_usual_forms_are_accepted(string type, string value)
    {
        var obj = StixJson.Parse(ValidObservableObjects.All[type]);
        obj["value"] = value;

        Assert.True(StixJson.Validate(obj).IsValid);
    }

    [Theory]
    [InlineData("ipv4-addr", "010.0.0.1")]
    [InlineData("ipv4-addr", "1")]
    [InlineData("ipv4-addr", "10.0.0.1/")]
    [InlineData("ipv6-addr", "198.51.100.3")]
    [InlineData("ipv6-addr", "fe80::1%eth0")]
    [InlineData("ipv6-addr", "::1/129")]
    [InlineData("mac-addr", "d2:fb:49:24:37")]
    public void Addresses_in_other_forms_are_refused_at_value(string type, string value)
    {
        var obj = StixJson.Parse(ValidObservableObjects.All[type]);
        obj["value"] = value;

        Assert.Equal(["/value"], StixJson.Validate(obj).Errors.Select(e => e.Pointer));
    }
}
