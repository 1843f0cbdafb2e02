using System.Text.Json.Nodes;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using CsCheck;

namespace Concord.Cli.Tests.Objects;

/// <summary>
/// A random node for the read-path property test: parties, channels and their membership (at import time,
/// then changed by joins and leaves), and each party's objects with one to three versions, each version
/// with its own release, TLP marking, caveats and name.
/// </summary>
internal sealed record ReadPathScenario(
    string[] Parties,
    string[] Channels,
    bool[][] Membership,
    (int Channel, int Party)[] Toggles,
    ObjectSpec[] Objects,
    Guid[] NeverStored)
{
    public static readonly string[] Words = ["khorasan", "haqqani", "lashkar", "tehrik", "jamaat", "ansar"];

    public static readonly string[] Aliases = ["Хорасан", "Вилаят", "خراسان", "ولایت"];

    private static readonly string[] PartyIds = ["ru-fsb", "us-fbi", "pk-isi", "af-nds"];

    public static Gen<ReadPathScenario> Generator =>
        from partyCount in Gen.Int[2, PartyIds.Length]
        from channelCount in Gen.Int[0, 3]
        from membership in Gen.Bool.Array[partyCount].Array[channelCount]
        from toggles in channelCount == 0
            ? Gen.Const(Array.Empty<(int, int)>())
            : Gen.Select(Gen.Int[0, channelCount - 1], Gen.Int[0, partyCount - 1]).Array[0, 3]
        from objects in ObjectGenerator(partyCount, channelCount).Array[1, 12]
        from neverStored in Uuids.Array[1, 2]
        select new ReadPathScenario(
            PartyIds[..partyCount],
            [.. Enumerable.Range(0, channelCount).Select(c => $"wg-{c}")],
            membership,
            toggles,
            objects,
            neverStored);

    /// <summary>Random RFC 4122 version 4 UUIDs, as STIX ids require.</summary>
    private static Gen<Guid> Uuids => Gen.Guid.Select(g =>
    {
        var bytes = g.ToByteArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    });

    private static Gen<ObjectSpec> ObjectGenerator(int parties, int channels) =>
        from uuid in Uuids
        from originator in Gen.Int[0, parties - 1]
        from versions in VersionGenerator(parties, channels).Array[1, 3]
        from revoke in Gen.Int[0, 4]
        select new ObjectSpec(uuid, originator, versions, RevokeLast: revoke == 0 && versions.Length > 1);

    private static Gen<VersionSpec> VersionGenerator(int parties, int channels) =>
        from releaseParties in Gen.Bool.Array[parties]
        from releaseChannels in Gen.Bool.Array[channels]
        from odd in Gen.Int[0, 11]
        from tlp in Gen.Int[-1, 4]
        from caveats in Gen.Int[0, 31]
        from word in Gen.OneOfConst(Words)
        from alias in Gen.Int[-1, Aliases.Length - 1]
        from order in Gen.Int
        select new VersionSpec(releaseParties, releaseChannels, UnknownParty: odd == 0, NoExtension: odd == 1, tlp, (Caveats)caveats, word, alias < 0 ? null : Aliases[alias], order);

    /// <summary>The scenario in a few lines, for the report of a failing case.</summary>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine($"parties: {string.Join(' ', Parties)}");
        for (var c = 0; c < Channels.Length; c++)
        {
            text.AppendLine($"{Channels[c]}: {string.Join(' ', Parties.Where((_, p) => Membership[c][p]))}");
        }

        text.AppendLine($"toggles: {string.Join(' ', Toggles.Select(t => $"{Channels[t.Channel]}/{Parties[t.Party]}"))}");
        foreach (var o in Objects)
        {
            text.AppendLine($"{IdOf(o)} by {Parties[o.Originator]}{(o.RevokeLast ? " (last revokes)" : string.Empty)}:");
            for (var k = 0; k < o.Versions.Length; k++)
            {
                var v = o.Versions[k];
                var release = v.NoExtension ? "(no extension)"
                    : string.Join(' ', Parties.Where((_, i) => v.Parties[i]).Concat(Channels.Where((_, i) => v.Channels[i])).Concat(v.UnknownParty ? ["xx-unknown"] : []));
                text.AppendLine($"  v{k} order {v.Order}: to [{release}] tlp {v.Tlp} caveats {v.Caveats} '{v.Word}' {v.Alias}");
            }
        }

        return text.ToString();
    }

    public string Member(int party) => $"analyst@{Parties[party]}";

    public string IdOf(ObjectSpec obj) => StixId.Create("threat-actor", obj.Uuid).ToString();

    public bool[] ChannelsAtImport(int party) => [.. Membership.Select(m => m[party])];

    /// <summary>The objects of one party as STIX JSON, in the order its bundle lists them.</summary>
    public IEnumerable<(ObjectSpec Object, int Version)> FileOrder(int party) =>
        Objects.Where(o => o.Originator == party)
            .SelectMany(o => o.Versions.Select((v, k) => (Object: o, Version: k, v.Order)))
            .OrderBy(x => x.Order)
            .ThenBy(x => x.Object.Uuid)
            .ThenBy(x => x.Version)
            .Select(x => (x.Object, x.Version));

    /// <summary>The caveats of a version with the words H0 and H3 need.</summary>
    public static Handling HandlingOf(VersionSpec v) =>
        Handling.TryCreate(
            v.Caveats,
            v.Caveats.HasFlag(Caveats.PurposeOnly) ? "counterterrorism" : null,
            v.Caveats.HasFlag(Caveats.OtherRestriction) ? "no attribution" : null,
            out var handling,
            out var error) ? handling : throw new InvalidOperationException(error);

    public JsonObject ToStix(ObjectSpec obj, int k)
    {
        var v = obj.Versions[k];
        var json = Stix.ThreatActor(IdOf(obj), $"{v.Word} cell {k}", k, v.Alias is null ? null : [v.Alias], v.Tlp < 0 ? null : (TlpLevel)v.Tlp);
        if (obj.RevokeLast && k == obj.Versions.Length - 1)
        {
            json.Revoked();
        }

        if (!v.NoExtension)
        {
            var parties = Parties.Where((_, i) => v.Parties[i]).Concat(v.UnknownParty ? ["xx-unknown"] : []).ToArray();
            var channels = Channels.Where((_, i) => v.Channels[i]).ToArray();
            var handling = HandlingOf(v);
            json.Released(parties, channels, [.. handling.Codes()], purpose: handling.Purpose);
            if (handling.Restriction is { } restriction)
            {
                json["extensions"]![ConcordExtension.Id]!["restriction"] = restriction;
            }
        }

        return json;
    }
}

/// <summary>An object of the scenario: its originator (a party index) and its versions (k = minutes after the epoch).</summary>
internal sealed record ObjectSpec(Guid Uuid, int Originator, VersionSpec[] Versions, bool RevokeLast);

/// <summary>One version: whom it is released to (by index), whether it names an unknown party or no release at all, TLP (-1 unmarked), caveats, words.</summary>
internal sealed record VersionSpec(bool[] Parties, bool[] Channels, bool UnknownParty, bool NoExtension, int Tlp, Caveats Caveats, string Word, string? Alias, int Order);
