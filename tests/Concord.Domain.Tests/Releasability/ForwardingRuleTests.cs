using CsCheck;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Domain.Tests.Support;

namespace Concord.Domain.Tests.Releasability;

public sealed class ForwardingRuleTests
{
    private static readonly PartyId Originator = PartyId.Parse("ru-fsb");
    private static readonly PartyId Recipient = PartyId.Parse("us-fbi");
    private static readonly PartyId Outsider = PartyId.Parse("pk-isi");
    private static readonly ChannelId UsRu = ChannelId.Parse("us-ru-wg");
    private static readonly ChannelId Kabul = ChannelId.Parse("kabul-conf");
    private static readonly Release ToKabul = new([], [Kabul]);

    public enum Role
    {
        Originator,
        Recipient,
        NonRecipient,
    }

    public static TheoryData<TlpLevel?, Caveats, Role> Cases()
    {
        var data = new TheoryData<TlpLevel?, Caveats, Role>();
        TlpLevel?[] levels = [TlpLevel.Clear, TlpLevel.Green, TlpLevel.Amber, TlpLevel.AmberStrict, TlpLevel.Red, null];
        Caveats[] caveats = [Caveats.None, Caveats.Orcon, Caveats.PurposeOnly, Caveats.NoCourtUse, Caveats.NoOnwardSharing, Caveats.OtherRestriction];
        foreach (var level in levels)
        {
            foreach (var caveat in caveats)
            {
                foreach (var role in Enum.GetValues<Role>())
                {
                    data.Add(level, caveat, role);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_forward_to_a_channel_of_the_reader_follows_role_tlp_and_caveat(TlpLevel? tlp, Caveats caveat, Role role)
    {
        var distribution = new Distribution(Originator, new Release([Recipient], [UsRu]), tlp, HandlingWith(caveat));
        var reader = role switch
        {
            Role.Originator => new Reader(Originator, [UsRu, Kabul]),
            Role.Recipient => new Reader(Recipient, [Kabul]),
            _ => new Reader(Outsider, [Kabul]),
        };

        var refusal = ForwardingRule.Refusal(reader, distribution, ToKabul);

        switch (role)
        {
            case Role.Originator:
                Assert.Null(refusal);
                break;
            case Role.NonRecipient:
                Assert.Equal("not found", refusal);
                break;
            case Role.Recipient when caveat == Caveats.Orcon:
                Assert.StartsWith("ORCON", refusal, StringComparison.Ordinal);
                break;
            case Role.Recipient when caveat == Caveats.NoOnwardSharing:
                Assert.StartsWith("H2", refusal, StringComparison.Ordinal);
                break;
            case Role.Recipient when tlp is TlpLevel.Clear or TlpLevel.Green:
                Assert.Null(refusal);
                break;
            case Role.Recipient:
                Assert.Contains(tlp is { } level ? Tlp.LabelOf(level) : "unmarked", refusal, StringComparison.Ordinal);
                break;
        }

        Assert.Equal(refusal is null, ForwardingRule.Allows(reader, distribution, ToKabul));
        Assert.Equal(refusal, ForwardingRule.OnwardRefusal(reader, distribution));
    }

    [Fact]
    public void Nobody_forwards_to_a_channel_it_is_not_a_member_of()
    {
        var distribution = new Distribution(Originator, new Release([Recipient], []), TlpLevel.Clear, Handling.None);
        var elsewhere = new Release([], [ChannelId.Parse("contact-group")]);

        Assert.NotNull(ForwardingRule.Refusal(new Reader(Originator, [Kabul]), distribution, elsewhere));
        Assert.NotNull(ForwardingRule.Refusal(new Reader(Recipient, [Kabul]), distribution, elsewhere));
    }

    [Fact]
    public void A_forward_to_nobody_is_refused_even_for_the_originator()
    {
        var distribution = new Distribution(Originator, Release.None, TlpLevel.Clear, Handling.None);

        Assert.NotNull(ForwardingRule.Refusal(new Reader(Originator, [Kabul]), distribution, Release.None));
    }

    [Fact]
    public void A_recipient_always_forwards_clear_without_orcon_or_h2_within_its_channels()
    {
        Gen.Select(Generators.Reader, Generators.Distribution, Generators.Release)
            .Where((r, d, t) => r.Party != d.Originator && ReleasabilityRule.CanRead(r, d) && !t.IsEmpty)
            .Select((r, d, t) => (Reader: r, Distribution: d with { Tlp = TlpLevel.Clear }, Target: new Release(t.Parties, t.Channels.Where(r.Channels.Contains))))
            .Where(x => !x.Target.IsEmpty && !x.Distribution.Handling.ForbidsOnwardRelease)
            .Sample(x => Assert.Null(ForwardingRule.Refusal(x.Reader, x.Distribution, x.Target)));
    }

    [Fact]
    public void A_recipient_never_forwards_amber_amber_strict_red_or_unmarked()
    {
        Gen.Select(Generators.Reader, Generators.Distribution, Generators.Release)
            .Where((r, d, t) => r.Party != d.Originator && ReleasabilityRule.CanRead(r, d) && d.EffectiveTlp >= TlpLevel.Amber)
            .Sample((reader, distribution, target) => Assert.False(ForwardingRule.Allows(reader, distribution, target)));
    }

    [Fact]
    public void A_recipient_never_forwards_under_orcon_or_h2()
    {
        Gen.Select(Generators.Reader, Generators.Distribution, Generators.Release)
            .Where((r, d, _) => r.Party != d.Originator && ReleasabilityRule.CanRead(r, d) && d.Handling.ForbidsOnwardRelease)
            .Sample((reader, distribution, target) => Assert.False(ForwardingRule.Allows(reader, distribution, target)));
    }

    private static Handling HandlingWith(Caveats caveat) =>
        Handling.TryCreate(caveat, "counter-terrorism", "no use against nationals", out var h, out var error) ? h : throw new InvalidOperationException(error);
}
