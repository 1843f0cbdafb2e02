using Concord.Domain.Releasability;

namespace Concord.Domain.Tests.Releasability;

public sealed class GradingTests
{
    [Fact]
    public void All_36_admiralty_codes_parse_in_either_case_and_print_in_upper_case()
    {
        var seen = new HashSet<Grading>();
        foreach (var reliability in "ABCDEF")
        {
            for (var credibility = 1; credibility <= 6; credibility++)
            {
                var code = $"{reliability}{credibility}";
                var grading = Grading.Parse(code);

                Assert.Equal(reliability, grading.Reliability);
                Assert.Equal(credibility, grading.Credibility);
                Assert.Equal(code, grading.ToString());
                Assert.Equal(grading, Grading.Parse(code.ToLowerInvariant()));
                Assert.NotEmpty(grading.ReliabilityText);
                Assert.NotEmpty(grading.CredibilityText);
                seen.Add(grading);
            }
        }

        Assert.Equal(36, seen.Count);
    }

    [Fact]
    public void No_other_two_character_text_is_a_grading()
    {
        for (var a = ' '; a <= '~'; a++)
        {
            for (var b = ' '; b <= '~'; b++)
            {
                var expected = char.ToUpperInvariant(a) is >= 'A' and <= 'F' && b is >= '1' and <= '6';
                Assert.Equal(expected, Grading.TryParse($"{a}{b}", out _));
            }
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("B")]
    [InlineData("B22")]
    [InlineData(" B2")]
    [InlineData("B2 ")]
    [InlineData("Б2")]
    [InlineData("B٢")]
    public void Text_of_any_other_shape_is_refused(string? text)
    {
        Assert.False(Grading.TryParse(text, out _));
        if (text is not null)
        {
            Assert.Throws<FormatException>(() => Grading.Parse(text));
        }
    }

    [Fact]
    public void Reliability_and_credibility_read_as_words()
    {
        var grading = Grading.Parse("B2");

        Assert.Equal("usually reliable", grading.ReliabilityText);
        Assert.Equal("probably true", grading.CredibilityText);
        Assert.Equal(string.Empty, default(Grading).ToString());
    }
}
