using CsCheck;
using Concord.Domain.Stix;
using Concord.Domain.Tests.Support;

namespace Concord.Domain.Tests.Stix;

public sealed class StixIdTests
{
    [Fact]
    public void Any_valid_identifier_survives_format_and_parse()
    {
        Gen.Select(Generators.TypeName, Generators.StixUuid).Sample((type, uuid) =>
        {
            var id = StixId.Create(type, uuid);
            var text = id.ToString();

            Assert.Equal($"{type}--{uuid:D}", text);
            Assert.True(StixId.TryParse(text, out var parsed));
            Assert.Equal(id, parsed);
            Assert.Equal(type, parsed.Type);
            Assert.Equal(uuid, parsed.Uuid);
        });
    }

    [Fact]
    public void An_upper_case_uuid_is_the_same_identifier_written_back_in_lower_case()
    {
        var lower = StixId.Parse("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f");
        var upper = StixId.Parse("indicator--8E2E2D2B-17D4-4CBF-938F-98EE46B3CD3F");

        Assert.Equal(lower, upper);
        Assert.Equal("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", upper.ToString());
    }

    [Fact]
    public void Every_variant_outside_rfc_4122_is_refused()
    {
        foreach (var variant in "01234567cdefCDEF")
        {
            Assert.False(StixId.TryParse($"indicator--8e2e2d2b-17d4-4cbf-{variant}38f-98ee46b3cd3f", out _), $"variant {variant}");
        }

        foreach (var variant in "89abAB")
        {
            Assert.True(StixId.TryParse($"indicator--8e2e2d2b-17d4-4cbf-{variant}38f-98ee46b3cd3f", out _), $"variant {variant}");
        }
    }

    [Fact]
    public void Only_uuid_versions_one_to_five_are_accepted()
    {
        foreach (var version in "0123456789abcdef")
        {
            var ok = StixId.TryParse($"indicator--8e2e2d2b-17d4-{version}cbf-938f-98ee46b3cd3f", out _);
            Assert.Equal(version is >= '1' and <= '5', ok);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("indicator")]
    [InlineData("indicator--")]
    [InlineData("--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")]
    [InlineData("ab--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")]
    [InlineData("Indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")]
    [InlineData("1ndicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")]
    [InlineData("indicator---8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")]
    [InlineData("indicator-8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")]
    [InlineData("threat--actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")]
    [InlineData("indic_ator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")]
    [InlineData("indicator--8e2e2d2b17d44cbf938f98ee46b3cd3f")]
    [InlineData("indicator--{8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f}")]
    [InlineData("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3g")]
    [InlineData("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f ")]
    [InlineData(" indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")]
    public void Malformed_identifiers_are_refused(string? text)
    {
        Assert.False(StixId.TryParse(text, out _));
        if (text is not null)
        {
            Assert.Throws<FormatException>(() => StixId.Parse(text));
        }
    }

    [Fact]
    public void A_random_type_name_that_breaks_the_rules_is_refused()
    {
        Gen.String[Gen.Char["aZ9-_. "], 0, 12].Where(t => !StixTypes.IsValidTypeName(t)).Sample(type =>
        {
            Assert.False(StixId.TryParse($"{type}--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", out _));
            Assert.Throws<ArgumentException>(() => StixId.Create(type, Guid.NewGuid()));
        });
    }

    [Fact]
    public void A_new_identifier_is_a_random_valid_one_of_its_type()
    {
        var a = StixId.New("threat-actor");
        var b = StixId.New("threat-actor");

        Assert.NotEqual(a, b);
        Assert.Equal("threat-actor", a.Type);
        Assert.Equal(a, StixId.Parse(a.ToString()));
        Assert.Throws<ArgumentException>(() => StixId.New("Threat Actor"));
    }

    [Fact]
    public void The_default_identifier_prints_as_nothing()
    {
        Assert.Equal(string.Empty, default(StixId).ToString());
    }
}
