using CsCheck;
using Concord.Domain.Federation;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Domain.Tests.Support;

namespace Concord.Domain.Tests.Federation;

public sealed class IngestRuleTests
{
    private static readonly NodeId Sender = NodeId.Parse("node-moscow");
    private static readonly NodeId Third = NodeId.Parse("node-tashkent");
    private static readonly NodePublicKey SenderKey = NodeKey.Generate().Key.PublicKey;
    private static readonly NodePublicKey ThirdKey = NodeKey.Generate().Key.PublicKey;
    private static readonly byte[] Good = new byte[64];
    private static readonly byte[] Bad = [.. Enumerable.Repeat((byte)1, 64)];

    private static readonly Gen<NodeId?> Home = Gen.OneOfConst<NodeId?>(Sender, Third, null);
    private static readonly Gen<byte[]?> Signature = Gen.OneOfConst<byte[]?>(Good, Bad, null);

    [Fact]
    public void A_version_is_accepted_exactly_when_known_signed_by_its_home_node_forwardable_if_relayed_and_released_here()
    {
        Gen.Select(Gen.Bool, Home, Gen.Bool, Signature, Generators.Distribution, Gen.Bool).Sample((known, home, keyRegistered, signature, distribution, readable) =>
        {
            var key = home is { } h && keyRegistered ? (h == Sender ? SenderKey : ThirdKey) : null;
            var arrival = new IngestRule.Arrival(Sender, known, home, key, signature, (_, s) => ReferenceEquals(s, Good), distribution, readable);

            var verdict = IngestRule.Check(arrival);

            var relayed = home is { } n && n != Sender;
            var forwardable = !distribution.Handling.ForbidsOnwardRelease && distribution.EffectiveTlp <= TlpLevel.Green;
            var accepted = known && home is not null && key is not null && ReferenceEquals(signature, Good) && (!relayed || forwardable) && readable;
            Assert.Equal(accepted, verdict is null);
            if (verdict is { } refusal)
            {
                Assert.Equal(Expected(known, home, key, signature, relayed && !forwardable, relayed), refusal.Refusal);
                Assert.False(string.IsNullOrWhiteSpace(refusal.Reason));
            }
        });
    }

    private static IngestRefusal Expected(bool known, NodeId? home, NodePublicKey? key, byte[]? signature, bool forbiddenRelay, bool relayed) =>
        !known ? IngestRefusal.UnknownOriginator
        : home is null || key is null ? IngestRefusal.Impersonation
        : signature is null ? IngestRefusal.Unsigned
        : !ReferenceEquals(signature, Good) ? (relayed ? IngestRefusal.Impersonation : IngestRefusal.BadSignature)
        : forbiddenRelay ? IngestRefusal.ForwardForbidden
        : IngestRefusal.NotReleasedHere;

    [Fact]
    public void A_node_cannot_publish_in_the_name_of_a_party_hosted_here()
    {
        var distribution = new Distribution(PartyId.Parse("pk-isi"), new Release([PartyId.Parse("pk-isi")], []), TlpLevel.Green, Handling.None);
        var verdict = IngestRule.Check(new IngestRule.Arrival(Sender, true, null, null, Good, (_, _) => true, distribution, true));
        Assert.Equal(IngestRefusal.Impersonation, verdict!.Value.Refusal);
        Assert.Contains("hosted here", verdict.Value.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_tokens_round_trip()
    {
        foreach (var refusal in Enum.GetValues<IngestRefusal>())
        {
            Assert.Equal(refusal, IngestRefusals.Parse(IngestRefusals.Token(refusal)));
        }
    }
}
