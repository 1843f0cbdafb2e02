using Concord.Domain.Releasability;

namespace Concord.Domain.Tests.Releasability;

public sealed class HandlingTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void H0_without_a_stated_purpose_is_refused(string? purpose)
    {
        Assert.False(Handling.TryCreate(Caveats.PurposeOnly, purpose, null, out var handling, out var error));
        Assert.Null(handling);
        Assert.Contains("H0", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\t")]
    public void H3_without_the_restriction_in_words_is_refused(string? restriction)
    {
        Assert.False(Handling.TryCreate(Caveats.OtherRestriction | Caveats.Orcon, "purpose", restriction, out _, out var error));
        Assert.Contains("H3", error, StringComparison.Ordinal);
    }

    [Fact]
    public void H0_and_H3_with_their_words_are_kept_trimmed()
    {
        Assert.True(Handling.TryCreate(Caveats.PurposeOnly | Caveats.OtherRestriction, "  counter-terrorism ", " no military use ", out var handling, out _));

        Assert.Equal("counter-terrorism", handling.Purpose);
        Assert.Equal("no military use", handling.Restriction);
        Assert.Equal(["H0", "H3"], handling.Codes());
    }

    [Fact]
    public void Words_longer_than_500_characters_are_refused()
    {
        Assert.False(Handling.TryCreate(Caveats.PurposeOnly, new string('p', 501), null, out _, out _));
        Assert.False(Handling.TryCreate(Caveats.OtherRestriction, null, new string('r', 501), out _, out _));
        Assert.True(Handling.TryCreate(Caveats.PurposeOnly, new string('p', 500), null, out _, out _));
    }

    [Theory]
    [InlineData("counter\0terrorism", null)]
    [InlineData(null, "no\ncourt")]
    [InlineData("purpose\u001f", "r")]
    public void Control_characters_in_the_words_are_refused(string? purpose, string? restriction)
    {
        Assert.False(Handling.TryCreate(Caveats.PurposeOnly | Caveats.OtherRestriction, purpose ?? "p", restriction ?? "r", out _, out var error));
        Assert.Contains("control", error, StringComparison.Ordinal);
    }

    [Fact]
    public void No_caveats_and_no_words_is_the_shared_none()
    {
        Assert.True(Handling.TryCreate(Caveats.None, " ", null, out var handling, out _));

        Assert.Same(Handling.None, handling);
        Assert.Empty(handling.Codes());
        Assert.False(handling.ForbidsOnwardRelease);
    }

    [Fact]
    public void Codes_come_in_a_fixed_order_and_parse_back()
    {
        Assert.True(Handling.TryCreate((Caveats)31, "p", "r", out var all, out _));

        Assert.Equal(["ORCON", "H0", "H1", "H2", "H3"], all.Codes());
        var parsed = all.Codes().Aggregate(Caveats.None, (acc, code) => Handling.TryParseCode(code, out var c) ? acc | c : throw new InvalidOperationException(code));
        Assert.Equal(all.Caveats, parsed);
        Assert.Equal(5, all.Describe().Count());
    }

    [Theory]
    [InlineData("orcon", Caveats.Orcon)]
    [InlineData(" h2 ", Caveats.NoOnwardSharing)]
    [InlineData("H1", Caveats.NoCourtUse)]
    public void Caveat_codes_parse_in_any_case(string code, Caveats expected)
    {
        Assert.True(Handling.TryParseCode(code, out var caveat));
        Assert.Equal(expected, caveat);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("H4")]
    [InlineData("NOFORN")]
    public void Unknown_caveat_codes_are_refused(string? code)
    {
        Assert.False(Handling.TryParseCode(code, out _));
    }

    [Fact]
    public void Only_orcon_and_h2_forbid_onward_release()
    {
        foreach (var caveats in Enumerable.Range(0, 32).Select(i => (Caveats)i))
        {
            Assert.True(Handling.TryCreate(caveats, "p", "r", out var handling, out _));
            Assert.Equal(caveats.HasFlag(Caveats.Orcon) || caveats.HasFlag(Caveats.NoOnwardSharing), handling.ForbidsOnwardRelease);
        }
    }

    [Fact]
    public void The_code_of_a_combination_is_not_one_code()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Handling.CodeOf(Caveats.Orcon | Caveats.NoCourtUse));
    }
}
