using CsCheck;
using Concord.Domain.Releasability;

namespace Concord.Domain.Tests.Support;

/// <summary>CsCheck generators for Domain values.</summary>
internal static class Generators
{
    /// <summary>Valid STIX type names: a letter, then letters, digits and single hyphens, 3-40 long.</summary>
    public static readonly Gen<string> TypeName =
        Gen.Select(Gen.Char['a', 'z'], Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], 1, 12].Array[1, 3])
            .Select((first, parts) => first + string.Join('-', parts))
            .Where(t => t.Length is >= 3 and <= 250);

    /// <summary>UUIDs of versions 1-5 with the RFC 4122 variant, as STIX requires.</summary>
    public static readonly Gen<Guid> StixUuid =
        Gen.Select(Gen.Guid, Gen.Int[1, 5], Gen.Int[8, 11]).Select((g, version, variant) =>
        {
            var text = g.ToString("D").ToCharArray();
            text[14] = (char)('0' + version);
            text[19] = "89ab"[variant - 8];
            return Guid.ParseExact(new string(text), "D");
        });

    /// <summary>Party and channel id text: 2-20 of a-z, 0-9 and inner hyphens.</summary>
    public static readonly Gen<string> Slug =
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-"], 2, 20].Where(s => s[0] != '-' && s[^1] != '-');

    /// <summary>A small world of parties and channels, so that generated readers and releases overlap often.</summary>
    public static readonly Gen<PartyId> Party = Gen.OneOfConst("ru-fsb", "us-fbi", "pk-isi", "af-nds", "uz-sgb", "eu-europol").Select(PartyId.Parse);

    public static readonly Gen<ChannelId> Channel = Gen.OneOfConst("us-ru-wg", "kabul-conf", "pk-ru-jwg", "contact-group").Select(ChannelId.Parse);

    public static readonly Gen<Reader> Reader = Gen.Select(Party, Channel.HashSet[0, 4]).Select((p, c) => new Reader(p, c));

    public static readonly Gen<Release> Release = Gen.Select(Party.HashSet[0, 4], Channel.HashSet[0, 4]).Select((p, c) => new Release(p, c));

    public static readonly Gen<Caveats> Caveats = Gen.Int[0, 31].Select(i => (Caveats)i);

    public static readonly Gen<Handling> Handling = Caveats.Select(c =>
        Domain.Releasability.Handling.TryCreate(c, "counter-terrorism", "not for liaison with third states", out var h, out _) ? h : throw new InvalidOperationException());

    public static readonly Gen<Domain.Stix.TlpLevel?> Tlp =
        Gen.OneOf(Gen.Enum<Domain.Stix.TlpLevel>().Select(l => (Domain.Stix.TlpLevel?)l), Gen.Const((Domain.Stix.TlpLevel?)null));

    public static readonly Gen<Distribution> Distribution =
        Gen.Select(Party, Release, Tlp, Handling).Select((o, r, t, h) => new Distribution(o, r, t, h));

    public static readonly Gen<Grading?> Grading =
        Gen.OneOf(Gen.Select(Gen.Char['A', 'F'], Gen.Int[1, 6]).Select((r, c) => (Grading?)Domain.Releasability.Grading.Parse($"{r}{c}")), Gen.Const((Grading?)null));
}
