using System.Text.RegularExpressions;
using CsCheck;
using Concord.Domain.Releasability;
using Concord.Domain.Tests.Support;

namespace Concord.Domain.Tests.Releasability;

public sealed partial class PartyAndChannelIdTests
{
    [Fact]
    public void Any_valid_id_round_trips_as_party_and_as_channel()
    {
        Generators.Slug.Sample(text =>
        {
            Assert.Equal(text, PartyId.Parse(text).Value);
            Assert.Equal(text, PartyId.Parse(text).ToString());
            Assert.Equal(text, ChannelId.Parse(text).Value);
            Assert.Equal(PartyId.Parse(text), PartyId.Parse(new string(text)));
        });
    }

    [Fact]
    public void An_id_is_accepted_exactly_when_it_is_2_to_64_of_a_z_0_9_and_inner_hyphens()
    {
        Gen.String[Gen.Char["az09-_A. ж"], 0, 70].Sample(text =>
        {
            var expected = Rule().IsMatch(text);

            Assert.Equal(expected, PartyId.TryParse(text, out _));
            Assert.Equal(expected, ChannelId.TryParse(text, out _));
        });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("r")]
    [InlineData("-ru")]
    [InlineData("ru-")]
    [InlineData("RU-FSB")]
    [InlineData("ru_fsb")]
    [InlineData("ru fsb")]
    [InlineData("ру-фсб")]
    public void Malformed_ids_are_refused(string? text)
    {
        Assert.False(PartyId.TryParse(text, out _));
        Assert.False(ChannelId.TryParse(text, out _));
        if (text is not null)
        {
            Assert.Throws<FormatException>(() => PartyId.Parse(text));
            Assert.Throws<FormatException>(() => ChannelId.Parse(text));
        }
    }

    [Fact]
    public void Length_limits_are_2_and_64()
    {
        Assert.True(PartyId.TryParse("ab", out _));
        Assert.True(PartyId.TryParse(new string('a', 64), out _));
        Assert.False(PartyId.TryParse(new string('a', 65), out _));
    }

    [Fact]
    public void Default_ids_print_as_nothing()
    {
        Assert.Equal(string.Empty, default(PartyId).ToString());
        Assert.Equal(string.Empty, default(ChannelId).ToString());
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}[a-z0-9]$")]
    private static partial Regex Rule();
}
