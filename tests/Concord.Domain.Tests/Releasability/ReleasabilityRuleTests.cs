using CsCheck;
using Concord.Domain.Releasability;
using Concord.Domain.Tests.Support;

namespace Concord.Domain.Tests.Releasability;

public sealed class ReleasabilityRuleTests
{
    private static readonly PartyId Fsb = PartyId.Parse("ru-fsb");
    private static readonly PartyId Fbi = PartyId.Parse("us-fbi");
    private static readonly PartyId Isi = PartyId.Parse("pk-isi");
    private static readonly ChannelId UsRu = ChannelId.Parse("us-ru-wg");
    private static readonly ChannelId Kabul = ChannelId.Parse("kabul-conf");

    [Fact]
    public void Can_read_is_originator_or_direct_release_or_a_shared_channel()
    {
        Gen.Select(Generators.Reader, Generators.Party, Generators.Release).Sample((reader, originator, release) =>
        {
            var byDefinition = reader.Party == originator
                || release.Parties.Any(p => p == reader.Party)
                || release.Channels.Any(c => reader.Channels.Any(m => m == c));

            Assert.Equal(byDefinition, ReleasabilityRule.CanRead(reader, originator, release));
            Assert.Equal(byDefinition, ReleasabilityRule.CanRead(reader, new Distribution(originator, release, null, Handling.None)));
        });
    }

    [Fact]
    public void The_originator_reads_a_version_released_to_nobody()
    {
        Assert.True(ReleasabilityRule.CanRead(new Reader(Fsb, []), Fsb, Release.None));
        Assert.False(ReleasabilityRule.CanRead(new Reader(Fbi, [UsRu, Kabul]), Fsb, Release.None));
    }

    [Fact]
    public void A_member_of_a_released_channel_reads_and_a_non_member_does_not()
    {
        var release = new Release([], [UsRu]);

        Assert.True(ReleasabilityRule.CanRead(new Reader(Fbi, [UsRu]), Fsb, release));
        Assert.False(ReleasabilityRule.CanRead(new Reader(Isi, [Kabul]), Fsb, release));
    }

    [Fact]
    public void A_recipient_sees_only_itself_and_its_own_channels_of_the_release()
    {
        Gen.Select(Generators.Reader, Generators.Party, Generators.Release).Where((r, o, _) => r.Party != o).Sample((reader, originator, release) =>
        {
            var visible = ReleasabilityRule.VisibleRelease(reader, originator, release);

            Assert.Subset(reader.Channels.ToHashSet(), visible.Channels.ToHashSet());
            Assert.All(visible.Parties, p => Assert.Equal(reader.Party, p));
            Assert.True(visible.IsSubsetOf(release));
            Assert.Equal(release.Parties.Contains(reader.Party), visible.Parties.Contains(reader.Party));
            Assert.True(release.Channels.Where(reader.Channels.Contains).ToHashSet().SetEquals(visible.Channels));
        });
    }

    [Fact]
    public void The_originator_sees_the_whole_release()
    {
        Gen.Select(Generators.Reader, Generators.Release).Sample((reader, release) =>
        {
            Assert.Equal(release, ReleasabilityRule.VisibleRelease(reader, reader.Party, release));
        });
    }

    [Fact]
    public void Other_recipients_of_a_release_stay_hidden()
    {
        var release = new Release([Fbi, Isi], [UsRu, Kabul]);

        var visible = ReleasabilityRule.VisibleRelease(new Reader(Fbi, [UsRu]), Fsb, release);

        Assert.Equal([Fbi], visible.Parties);
        Assert.Equal([UsRu], visible.Channels);
    }

    [Fact]
    public void There_is_no_anonymous_reader()
    {
        Assert.Throws<ArgumentException>(() => new Reader(default, []));
    }
}
