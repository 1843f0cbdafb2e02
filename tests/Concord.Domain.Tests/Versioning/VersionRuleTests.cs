using Concord.Domain.Stix;
using Concord.Domain.Releasability;
using Concord.Domain.Versioning;

namespace Concord.Domain.Tests.Versioning;

public sealed class VersionRuleTests
{
    private static readonly PartyId Fsb = PartyId.Parse("ru-fsb");
    private static readonly PartyId Fbi = PartyId.Parse("us-fbi");
    private static readonly byte[] Digest = [1, 2, 3];
    private static readonly byte[] OtherDigest = [1, 2, 4];

    [Fact]
    public void A_first_version_is_inserted()
    {
        Assert.Equal(VersionVerdict.Insert, VersionRule.Decide([], "threat-actor", Fsb, 10, Digest));
    }

    [Fact]
    public void A_later_version_by_the_originator_is_inserted()
    {
        ExistingVersion[] held = [new(Fsb, 10, false, Digest)];

        Assert.Equal(VersionVerdict.Insert, VersionRule.Decide(held, "threat-actor", Fsb, 20, OtherDigest));
    }

    [Fact]
    public void The_same_version_with_the_same_digest_is_unchanged()
    {
        ExistingVersion[] held = [new(Fsb, 10, false, Digest), new(Fsb, 20, false, OtherDigest)];

        Assert.Equal(VersionVerdict.Unchanged, VersionRule.Decide(held, "threat-actor", Fsb, 10, (byte[])Digest.Clone()));
    }

    [Fact]
    public void The_same_version_with_another_digest_is_a_conflict()
    {
        ExistingVersion[] held = [new(Fsb, 10, false, Digest)];

        Assert.Equal(VersionVerdict.Conflict, VersionRule.Decide(held, "threat-actor", Fsb, 10, OtherDigest));
    }

    [Fact]
    public void Another_party_may_not_version_an_object_it_did_not_originate()
    {
        ExistingVersion[] held = [new(Fsb, 10, false, Digest)];

        Assert.Equal(VersionVerdict.NotOriginator, VersionRule.Decide(held, "threat-actor", Fbi, 20, Digest));
        Assert.Equal(VersionVerdict.NotOriginator, VersionRule.Decide(held, "threat-actor", Fbi, 10, Digest));
    }

    [Fact]
    public void Another_party_may_hold_its_own_copy_of_a_version_with_identical_content_but_not_a_changed_one()
    {
        var fsbDistribution = new Distribution(Fsb, Release.None, null, Handling.None);
        var fbiDistribution = new Distribution(Fbi, new Release([Fsb], []), null, Handling.None);
        var json = "{\"type\":\"identity\"}"u8.ToArray();
        ExistingVersion[] held = [new(Fsb, 10, false, VersionDigest.Compute(json, fsbDistribution, null))];

        Assert.Equal(VersionVerdict.Insert, VersionRule.Decide(held, "identity", Fbi, 10, VersionDigest.Compute(json, fbiDistribution, null)));
        Assert.Equal(VersionVerdict.NotOriginator, VersionRule.Decide(held, "identity", Fbi, 10, VersionDigest.Compute("{\"type\":\"identity\",\"name\":\"x\"}"u8, fbiDistribution, null)));
        Assert.Equal(VersionVerdict.NotOriginator, VersionRule.Decide(held, "identity", Fbi, 20, VersionDigest.Compute(json, fbiDistribution, null)));
    }

    [Fact]
    public void Nothing_follows_a_revocation()
    {
        ExistingVersion[] held = [new(Fsb, 10, false, Digest), new(Fsb, 20, true, OtherDigest)];

        Assert.Equal(VersionVerdict.AfterRevocation, VersionRule.Decide(held, "threat-actor", Fsb, 30, Digest));
    }

    [Fact]
    public void The_revoking_version_arriving_again_is_unchanged_and_an_earlier_one_may_still_arrive()
    {
        ExistingVersion[] held = [new(Fsb, 20, true, OtherDigest)];

        Assert.Equal(VersionVerdict.Unchanged, VersionRule.Decide(held, "threat-actor", Fsb, 20, OtherDigest));
        Assert.Equal(VersionVerdict.Insert, VersionRule.Decide(held, "threat-actor", Fsb, 10, Digest));
    }

    [Fact]
    public void The_verdict_does_not_depend_on_the_order_the_store_lists_versions_in()
    {
        ExistingVersion[] held = [new(Fsb, 10, true, Digest), new(Fsb, 20, false, OtherDigest)];

        Assert.Equal(VersionVerdict.Unchanged, VersionRule.Decide(held, "threat-actor", Fsb, 20, OtherDigest));
        Assert.Equal(VersionVerdict.Unchanged, VersionRule.Decide(held.Reverse(), "threat-actor", Fsb, 20, OtherDigest));
        Assert.Equal(VersionVerdict.AfterRevocation, VersionRule.Decide(held.Reverse(), "threat-actor", Fsb, 30, OtherDigest));
    }

    [Theory]
    [InlineData("ipv4-addr")]
    [InlineData("file")]
    [InlineData("x509-certificate")]
    [InlineData("marking-definition")]
    [InlineData("extension-definition")]
    public void Shared_types_are_held_per_originator(string type)
    {
        ExistingVersion[] held = [new(Fsb, 0, false, Digest)];

        Assert.True(VersionRule.IsSharedType(type));
        Assert.Equal(VersionVerdict.Insert, VersionRule.Decide(held, type, Fbi, 0, OtherDigest));
        Assert.Equal(VersionVerdict.Unchanged, VersionRule.Decide(held, type, Fsb, 0, Digest));
        Assert.Equal(VersionVerdict.Conflict, VersionRule.Decide(held, type, Fsb, 0, OtherDigest));
    }

    [Theory]
    [InlineData("threat-actor")]
    [InlineData("relationship")]
    [InlineData("sighting")]
    [InlineData("language-content")]
    [InlineData("x-custom-thing")]
    public void Other_types_have_one_originator(string type)
    {
        Assert.False(VersionRule.IsSharedType(type));
        Assert.Equal(VersionVerdict.NotOriginator, VersionRule.Decide([new(Fsb, 10, false, Digest)], type, Fbi, 20, Digest));
    }

    [Fact]
    public void Every_refusal_is_explained_and_acceptance_needs_no_words()
    {
        Assert.Empty(VersionRule.Explain(VersionVerdict.Insert));
        Assert.Empty(VersionRule.Explain(VersionVerdict.Unchanged));
        foreach (var verdict in new[] { VersionVerdict.Conflict, VersionVerdict.NotOriginator, VersionVerdict.AfterRevocation })
        {
            Assert.NotEmpty(VersionRule.Explain(verdict));
        }
    }
}
