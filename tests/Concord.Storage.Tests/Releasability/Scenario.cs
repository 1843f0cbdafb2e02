using System.Text.Json;
using CsCheck;

namespace Concord.Storage.Tests.Releasability;

/// <summary>
/// A random world for the differential test: parties, channels with random members, objects, and the imports
/// that write their versions (random originators, releases, revocations, batch sizes, all-or-nothing), plus
/// the searches and filters to try. Everything is indices, so CsCheck can shrink it.
/// </summary>
public sealed record Scenario(int Parties, int[] ChannelMembers, int[] ObjectKinds, Scenario.Step[] Steps, Scenario.Query[] Queries, int PageSize, int ModifiedAfter)
{
    /// <summary>Name words in three scripts (none with combining marks, which the backends' tokenizers treat differently).</summary>
    public static readonly string[] Vocabulary =
    [
        "Islamic", "State", "Khorasan", "Taliban", "Haqqani", "network",
        "Исламское", "государство", "Талибан", "сеть",
        "الدولة", "الإسلامية", "طالبان", "شبكة",
    ];

    /// <summary>The STIX types objects are made of; the last is an observable, which each originator holds its own copy of.</summary>
    public static readonly string[] Types = ["threat-actor", "intrusion-set", "ipv4-addr"];

    public static readonly Gen<Scenario> Generator =
        from parties in Gen.Int[3, 6]
        from channels in Gen.Int[0, (1 << parties) - 1].Array[1, 3]
        from kinds in Gen.Int[0, Types.Length - 1].Array[1, 5]
        from steps in StepGen(parties, channels.Length, kinds.Length).Array[1, 8]
        from queries in QueryGen.Array[1, 3]
        from pageSize in Gen.Int[1, 4]
        from modifiedAfter in Gen.Int[0, 3]
        select new Scenario(parties, channels, kinds, steps, queries, pageSize, modifiedAfter);

    private static Gen<Step> StepGen(int parties, int channels, int objects) =>
        from originator in Gen.Int[0, parties - 1]
        from allOrNothing in Gen.Int[0, 4].Select(i => i == 0)
        from batchSize in Gen.OneOfConst(1, 2, 3, 5000)
        from versions in VersionGen(parties, channels, objects).Array[1, 6]
        select new Step(originator, allOrNothing, batchSize, versions);

    private static Gen<VersionSpec> VersionGen(int parties, int channels, int objects) =>
        from obj in Gen.Int[0, objects - 1]
        from version in Gen.Int[0, 3]
        from revoked in Gen.Int[0, 6].Select(i => i == 0)
        from partyMask in Gen.Int[0, (1 << parties) - 1]
        from channelMask in Gen.Int[0, (1 << channels) - 1]
        from words in Gen.Int[0, Vocabulary.Length - 1].Array[1, 3]
        from repeat in Gen.Int[0, 7].Select(i => i == 0)
        select new VersionSpec(obj, version, revoked, partyMask, channelMask, words, repeat);

    private static Gen<Query> QueryGen =>
        from words in Gen.Int[0, Vocabulary.Length - 1].Array[1, 2]
        from cut in Gen.Int[0, 3]
        from upper in Gen.Bool
        select new Query(words, cut, upper);

    /// <summary>The scenario as JSON, for the failure report.</summary>
    public static string Print(Scenario scenario) => JsonSerializer.Serialize(scenario);

    /// <summary>One import by one originator.</summary>
    public sealed record Step(int Originator, bool AllOrNothing, int BatchSize, VersionSpec[] Versions);

    /// <summary>
    /// One object version: which object, its version (minutes after the epoch), whether it revokes, the parties
    /// and channels (bit masks) released to, its name words — or, when <see cref="Repeat"/>, the previous version again.
    /// </summary>
    public sealed record VersionSpec(int Object, int Version, bool Revoked, int PartyMask, int ChannelMask, int[] Words, bool Repeat);

    /// <summary>A search: the words, each cut short by up to <see cref="Cut"/> characters (a prefix), maybe in upper case.</summary>
    public sealed record Query(int[] Words, int Cut, bool Upper)
    {
        public string Text => string.Join(' ', Words.Select(w =>
        {
            var word = Vocabulary[w];
            var prefix = word[..Math.Max(1, word.Length - Cut)];
            return Upper ? prefix.ToUpperInvariant() : prefix;
        }));
    }
}
