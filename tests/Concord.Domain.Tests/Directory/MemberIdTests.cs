using CsCheck;
using Concord.Domain.Directory;
using Concord.Domain.Releasability;
using Concord.Domain.Tests.Support;

namespace Concord.Domain.Tests.Directory;

public sealed class MemberIdTests
{
    [Fact]
    public void A_member_of_a_party_names_its_party()
    {
        var id = MemberId.Parse("analyst@ru-fsb");

        Assert.Equal("analyst", id.Name);
        Assert.Equal("ru-fsb", id.Scope);
        Assert.Equal(PartyId.Parse("ru-fsb"), id.Party);
        Assert.Equal("analyst@ru-fsb", id.ToString());
    }

    [Fact]
    public void A_node_administrator_belongs_to_no_party()
    {
        var id = MemberId.Parse("admin@node");

        Assert.Null(id.Party);
        Assert.Equal(MemberId.NodeScope, id.Scope);
    }

    [Fact]
    public void Any_name_and_party_round_trip()
    {
        Gen.Select(Generators.Slug, Generators.Slug).Sample((name, party) =>
        {
            var id = MemberId.Of(name, PartyId.Parse(party));

            Assert.Equal($"{name}@{party}", id.ToString());
            Assert.Equal(id, MemberId.Parse(id.ToString()));
        });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("analyst")]
    [InlineData("@ru-fsb")]
    [InlineData("analyst@")]
    [InlineData("a@ru-fsb")]
    [InlineData("Analyst@ru-fsb")]
    [InlineData("analyst@RU-FSB")]
    [InlineData("analyst@ru-fsb@node")]
    [InlineData("an alyst@ru-fsb")]
    [InlineData("analyst@ru_fsb")]
    public void Malformed_member_ids_are_refused(string? text)
    {
        Assert.False(MemberId.TryParse(text, out _));
        if (text is not null)
        {
            Assert.Throws<FormatException>(() => MemberId.Parse(text));
        }
    }

    [Fact]
    public void The_default_member_id_prints_as_nothing()
    {
        Assert.Equal(string.Empty, default(MemberId).ToString());
    }
}
