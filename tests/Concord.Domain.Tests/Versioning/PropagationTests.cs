using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Domain.Versioning;

namespace Concord.Domain.Tests.Versioning;

public sealed class PropagationTests
{
    private static readonly PartyId Fsb = PartyId.Parse("ru-fsb");
    private static readonly PartyId Fbi = PartyId.Parse("us-fbi");

    private static ExistingVersion Held(PartyId originator, long version, TlpLevel? tlp) => new(originator, version, false, Array.Empty<byte>(), tlp);

    [Fact]
    public void A_revocation_reaches_every_earlier_recipient() =>
        Assert.True(Propagation.ReachesEarlierRecipients(true, TlpLevel.Red, 20, Fsb, [Held(Fsb, 10, TlpLevel.Clear)]));

    [Theory]
    [InlineData(TlpLevel.Amber, TlpLevel.Green, true)]
    [InlineData(TlpLevel.Red, TlpLevel.Clear, true)]
    [InlineData(TlpLevel.AmberStrict, TlpLevel.Amber, true)]
    [InlineData(TlpLevel.Green, TlpLevel.Amber, false)]
    [InlineData(TlpLevel.Amber, TlpLevel.Amber, false)]
    public void A_lowered_marking_is_a_declassification_that_reaches_earlier_recipients(TlpLevel before, TlpLevel after, bool reaches) =>
        Assert.Equal(reaches, Propagation.ReachesEarlierRecipients(false, after, 20, Fsb, [Held(Fsb, 10, before)]));

    [Fact]
    public void Unmarked_counts_as_amber()
    {
        Assert.True(Propagation.ReachesEarlierRecipients(false, TlpLevel.Green, 20, Fsb, [Held(Fsb, 10, null)]));
        Assert.False(Propagation.ReachesEarlierRecipients(false, null, 20, Fsb, [Held(Fsb, 10, TlpLevel.Amber)]));
        Assert.True(Propagation.ReachesEarlierRecipients(false, null, 20, Fsb, [Held(Fsb, 10, TlpLevel.Red)]));
    }

    [Fact]
    public void The_version_compared_is_the_originators_own_version_just_before()
    {
        ExistingVersion[] held = [Held(Fsb, 10, TlpLevel.Red), Held(Fsb, 15, TlpLevel.Green), Held(Fbi, 18, TlpLevel.Red), Held(Fsb, 30, TlpLevel.Red)];

        Assert.False(Propagation.ReachesEarlierRecipients(false, TlpLevel.Green, 20, Fsb, held));
        Assert.True(Propagation.ReachesEarlierRecipients(false, TlpLevel.Green, 12, Fsb, held));
        Assert.False(Propagation.ReachesEarlierRecipients(false, TlpLevel.Clear, 5, Fsb, held));
    }
}
