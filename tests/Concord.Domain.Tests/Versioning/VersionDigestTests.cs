using System.Text;
using CsCheck;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Domain.Tests.Support;
using Concord.Domain.Versioning;

namespace Concord.Domain.Tests.Versioning;

public sealed class VersionDigestTests
{
    private static readonly byte[] Json = Encoding.UTF8.GetBytes("""{"type":"threat-actor","id":"threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"}""");

    private static readonly Distribution Base = new(
        PartyId.Parse("ru-fsb"),
        new Release([PartyId.Parse("us-fbi")], [ChannelId.Parse("us-ru-wg")]),
        TlpLevel.Amber,
        Make(Caveats.PurposeOnly, "counter-terrorism", null));

    private static readonly Grading B2 = Grading.Parse("B2");

    /// <summary>Free text with the separators a naive encoding might confuse.</summary>
    private static readonly Gen<string?> Words = Gen.OneOf(Gen.String[Gen.Char["ab,\0 -"], 1, 6], Gen.Const((string?)null));

    private static readonly Gen<Handling> AnyHandling = Gen.Select(Generators.Caveats, Words, Words)
        .Select((c, p, r) => Handling.TryCreate(c, p, r, out var h, out _) ? h : null)
        .Where(h => h is not null)
        .Select(h => h!);

    private static readonly Gen<(byte[] Json, Distribution Distribution, Grading? Grading)> Version =
        Gen.Select(Gen.Int[0, 2], Gen.Select(Generators.Party, Generators.Release, Generators.Tlp, AnyHandling), Generators.Grading)
            .Select((j, d, g) => (Encoding.UTF8.GetBytes($"{{\"n\":{j}}}"), new Distribution(d.Item1, d.Item2, d.Item3, d.Item4), g));

    public static TheoryData<string> Changes => new(Variants.Keys);

    private static readonly Dictionary<string, (byte[] Json, Distribution Distribution, Grading? Grading)> Variants = new(StringComparer.Ordinal)
    {
        ["json"] = (Encoding.UTF8.GetBytes("""{"type":"threat-actor","id":"threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3e"}"""), Base, B2),
        ["originator"] = (Json, Base with { Originator = PartyId.Parse("us-fbi") }, B2),
        ["one more party"] = (Json, Base with { Release = Base.Release.Union(new Release([PartyId.Parse("pk-isi")], [])) }, B2),
        ["one party fewer"] = (Json, Base with { Release = new Release([], Base.Release.Channels) }, B2),
        ["one more channel"] = (Json, Base with { Release = Base.Release.Union(new Release([], [ChannelId.Parse("kabul-conf")])) }, B2),
        ["a channel instead of a party"] = (Json, Base with { Release = new Release([], [ChannelId.Parse("us-fbi"), ChannelId.Parse("us-ru-wg")]) }, B2),
        ["tlp"] = (Json, Base with { Tlp = TlpLevel.Red }, B2),
        ["tlp removed"] = (Json, Base with { Tlp = null }, B2),
        ["caveat added"] = (Json, Base with { Handling = Make(Caveats.PurposeOnly | Caveats.Orcon, "counter-terrorism", null) }, B2),
        ["purpose"] = (Json, Base with { Handling = Make(Caveats.PurposeOnly, "counter-narcotics", null) }, B2),
        ["restriction"] = (Json, Base with { Handling = Make(Caveats.PurposeOnly, "counter-terrorism", "no court") }, B2),
        ["grading"] = (Json, Base, Grading.Parse("B3")),
        ["grading removed"] = (Json, Base, null),
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void The_digest_changes_with_any_part_of_the_version(string change)
    {
        var (json, distribution, grading) = Variants[change];

        Assert.NotEqual(VersionDigest.Compute(Json, Base, B2), VersionDigest.Compute(json, distribution, grading));
    }

    [Fact]
    public void The_digest_is_32_bytes_and_ignores_the_order_of_the_release()
    {
        var reordered = Base with { Release = new Release(Base.Release.Parties.Reverse(), Base.Release.Channels.Reverse()) };

        var digest = VersionDigest.Compute(Json, Base, B2);

        Assert.Equal(VersionDigest.Length, digest.Length);
        Assert.Equal(digest, VersionDigest.Compute(Json, reordered, B2));
    }

    [Fact]
    public void Purpose_and_restriction_cannot_hold_the_separator_that_would_let_them_trade_text()
    {
        Assert.False(Handling.TryCreate(Caveats.PurposeOnly | Caveats.OtherRestriction, "x\0y", "z", out _, out _));
        Assert.False(Handling.TryCreate(Caveats.PurposeOnly | Caveats.OtherRestriction, "x", "y\0z", out _, out _));
        var a = Base with { Handling = Make(Caveats.PurposeOnly | Caveats.OtherRestriction, "x,y", "z") };
        var b = Base with { Handling = Make(Caveats.PurposeOnly | Caveats.OtherRestriction, "x", "y,z") };

        Assert.NotEqual(VersionDigest.Compute(Json, a, B2), VersionDigest.Compute(Json, b, B2));
    }

    [Fact]
    public void A_release_object_shared_by_consecutive_versions_does_not_stand_in_for_the_rest_of_the_distribution()
    {
        // The digest keeps the last distribution's bytes per thread, keyed on the release object: an import reuses one.
        Gen.Select(Version, Version).Sample((a, b) =>
        {
            var distribution = b.Distribution with { Release = a.Distribution.Release };
            var first = VersionDigest.Compute(a.Json, a.Distribution, a.Grading);
            var second = VersionDigest.Compute(b.Json, distribution, b.Grading);
            VersionDigest.Compute(Json, Base, B2);
            var cold = VersionDigest.Compute(b.Json, distribution, b.Grading);

            Assert.Equal(cold, second);
            var same = a.Json.AsSpan().SequenceEqual(b.Json) && a.Distribution with { Release = distribution.Release } == distribution && a.Grading == b.Grading;
            Assert.Equal(same, first.AsSpan().SequenceEqual(second));
        }, iter: 20_000);
    }

    [Fact]
    public void Two_versions_have_one_digest_exactly_when_they_are_the_same()
    {
        Gen.Select(Version, Version).Sample((a, b) =>
        {
            var same = a.Json.AsSpan().SequenceEqual(b.Json)
                && a.Distribution.Originator == b.Distribution.Originator
                && a.Distribution.Release.Equals(b.Distribution.Release)
                && a.Distribution.Tlp == b.Distribution.Tlp
                && a.Distribution.Handling.Caveats == b.Distribution.Handling.Caveats
                && a.Distribution.Handling.Purpose == b.Distribution.Handling.Purpose
                && a.Distribution.Handling.Restriction == b.Distribution.Handling.Restriction
                && a.Grading == b.Grading;

            Assert.Equal(same, VersionDigest.Compute(a.Json, a.Distribution, a.Grading).AsSpan().SequenceEqual(VersionDigest.Compute(b.Json, b.Distribution, b.Grading)));
        }, iter: 20_000);
    }

    private static Handling Make(Caveats caveats, string? purpose, string? restriction) =>
        Handling.TryCreate(caveats, purpose, restriction, out var h, out var error) ? h : throw new InvalidOperationException(error);
}
