using System.Text;
using CsCheck;

namespace Concord.Server.Tests.Releasability;

/// <summary>One version an originator imports. Masks are bit sets over the world's parties and channels.</summary>
/// <param name="PartyMask">Parties released to directly.</param>
/// <param name="ChannelMask">Channels released to (cut down to the originator's own channels on import).</param>
/// <param name="StrayChannel">Also names a channel the originator is not in (the import must refuse the version).</param>
/// <param name="Tlp">0–4 for CLEAR … RED, 5 for no TLP marking.</param>
/// <param name="Caveat">0 none, 1 ORCON, 2 H2, 3 H1, 4 H0 (with a purpose).</param>
/// <param name="HasWord">The name carries the shared search word.</param>
/// <param name="Revoked">The version revokes the object.</param>
internal sealed record VersionSpec(int PartyMask, int ChannelMask, bool StrayChannel, int Tlp, int Caveat, bool HasWord, bool Revoked);

/// <summary>An object: its type (0 threat-actor, 1 report, 2 incident), its originator's index, its versions in time order.</summary>
internal sealed record ObjectSpec(int Type, int Originator, VersionSpec[] Versions);

/// <summary>A party asks to release an object further to parties and channels (and, maybe, a party that does not exist).</summary>
internal sealed record ForwardSpec(int Reader, int Object, int PartyMask, int ChannelMask, bool UnknownParty);

/// <summary>
/// A random node: 3–5 parties, 1–3 channels with random members, 1–8 objects of 1–3 versions each with random
/// releases, TLP levels, caveats and revocations, then a few forwarding attempts.
/// </summary>
/// <param name="ArrivalKeys">Null when versions arrive in time order; otherwise a sort key per (object × 3 + version) for a random arrival order.</param>
internal sealed record WorldSpec(int PartyCount, int[] ChannelMembers, ObjectSpec[] Objects, ForwardSpec[] Forwards, int[]? ArrivalKeys)
{
    public static readonly string[] PartyNames = ["us-fbi", "ru-fsb", "pk-isi", "af-nds", "uz-sgb"];

    public static readonly string[] ChannelNames = ["us-ru-wg", "kabul-conf", "pk-ru-jwg"];

    public static readonly string[] TypeNames = ["threat-actor", "report", "incident"];

    public static Gen<WorldSpec> Gen { get; } =
        from parties in CsCheck.Gen.Int[3, 5]
        from channels in CsCheck.Gen.Int[0, (1 << parties) - 1].Array[1, 3]
        from objects in ObjectGen(parties).Array[1, 8]
        from forwards in CsCheck.Gen.Select(
            CsCheck.Gen.Int[0, parties - 1], CsCheck.Gen.Int[0, objects.Length - 1], CsCheck.Gen.Int[0, (1 << parties) - 1],
            CsCheck.Gen.Int[0, (1 << channels.Length) - 1], CsCheck.Gen.Int[0, 9],
            (r, o, p, c, u) => new ForwardSpec(r, o, p, c, u == 0)).Array[0, 5]
        from shuffled in CsCheck.Gen.Bool
        from keys in CsCheck.Gen.Int[0, 1000].Array[24]
        select new WorldSpec(parties, channels, objects, forwards, shuffled ? keys : null);

    private static Gen<ObjectSpec> ObjectGen(int parties) =>
        from type in CsCheck.Gen.Int[0, 2]
        from originator in CsCheck.Gen.Int[0, parties - 1]
        from versions in CsCheck.Gen.Select(
            CsCheck.Gen.Int[0, (1 << parties) - 1], CsCheck.Gen.Int[0, 7], CsCheck.Gen.Int[0, 7], CsCheck.Gen.Int[0, 5],
            CsCheck.Gen.Int[0, 4], CsCheck.Gen.Int[0, 3], CsCheck.Gen.Int[0, 5],
            (p, c, stray, tlp, caveat, word, revoked) => new VersionSpec(p, c, stray == 0, tlp, caveat, word != 0, revoked == 0)).Array[1, 3]
        select new ObjectSpec(type, originator, versions);

    public string Describe()
    {
        var text = new StringBuilder().Append(PartyCount).Append(" parties; ").Append(ArrivalKeys is null ? "in time order" : "arrival keys " + string.Join(',', ArrivalKeys)).Append("; channels ");
        text.AppendJoin(", ", ChannelMembers.Select((m, i) => $"{ChannelNames[i]}={Bits(m)}")).AppendLine();
        for (var i = 0; i < Objects.Length; i++)
        {
            var o = Objects[i];
            text.Append("  object ").Append(i).Append(' ').Append(TypeNames[o.Type]).Append(" by ").Append(PartyNames[o.Originator]).AppendLine();
            foreach (var v in o.Versions)
            {
                text.Append("    ").Append(v).AppendLine();
            }
        }

        foreach (var f in Forwards)
        {
            text.Append("  forward ").Append(f).AppendLine();
        }

        return text.ToString();
    }

    private static string Bits(int mask) => Convert.ToString(mask, 2);
}
