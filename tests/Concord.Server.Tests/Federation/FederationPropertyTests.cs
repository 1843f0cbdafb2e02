using System.Text;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Server.Tests.Stix;
using Concord.Storage.Federation;
using Concord.Storage.Objects;
using CsCheck;
using Microsoft.Data.Sqlite;

namespace Concord.Server.Tests.Federation;

/// <summary>
/// Random federations of two or three nodes: parties of random nodes import objects with random releases and TLP,
/// random pairs of nodes sync, originators withdraw parties and channels. After a final full sync every node holds
/// exactly the versions some party hosted there may read under the originator's current release on the originating
/// node, and each party reads through its node's API exactly the objects it may read there. Only objects no node may
/// relay (unmarked, i.e. AMBER, or AMBER) are withdrawn: a relayed object withdrawn while in flight stays at the third
/// node (the known bug of <see cref="FederationTests.A_withdrawn_object_relayed_by_a_node_the_withdrawal_has_not_reached_yet_does_not_stay_at_a_third_node"/>).
/// </summary>
public sealed class FederationPropertyTests
{
    private static readonly string[][] Hosted = [["a-one", "a-two"], ["b-one", "b-two"], ["c-one"]];
    private static readonly (string Id, string[] Members)[] Channels =
    [
        ("ch-ab", ["a-one", "b-one"]),
        ("ch-bc", ["b-two", "c-one"]),
        ("ch-abc", ["a-two", "b-one", "c-one"]),
    ];

    private static readonly TlpLevel?[] Tlps = [null, TlpLevel.Green, TlpLevel.Amber];

    /// <summary>One step: 0 import (party, party mask, channel mask, TLP), 1 sync (from, to), 2 withdraw (object, party mask, channel mask, all).</summary>
    public sealed record Step(int Kind, int A, int B, int C, int D);

    public sealed record Scenario(int NodeCount, Step[] Steps)
    {
        public override string ToString()
        {
            var text = new StringBuilder().Append(NodeCount).Append(" nodes:");
            foreach (var s in Steps)
            {
                text.Append(' ').Append(s.Kind switch
                {
                    0 => $"import(p{s.A},parties={s.B},channels={s.C},tlp={s.D})",
                    1 => $"sync({s.A}->{s.B})",
                    _ => $"withdraw(o{s.A},parties={s.B},channels={s.C},all={s.D == 0})",
                });
            }

            return text.ToString();
        }
    }

    private static readonly Gen<Scenario> Scenarios =
        from nodes in Gen.Int[2, 3]
        from steps in Gen.Frequency(
            (3, from p in Gen.Int[0, 9] from pm in Gen.Int[0, 31] from cm in Gen.Int[0, 7] from t in Gen.Int[0, 2] select new Step(0, p, pm, cm, t)),
            (3, from a in Gen.Int[0, nodes - 1] from b in Gen.Int[1, nodes - 1] select new Step(1, a, (a + b) % nodes, 0, 0)),
            (1, from o in Gen.Int[0, 9] from pm in Gen.Int[0, 31] from cm in Gen.Int[0, 7] from all in Gen.Int[0, 2] select new Step(2, o, pm, cm, all))).Array[4, 14]
        select new Scenario(nodes, steps);

    [Fact]
    public Task After_a_full_sync_every_node_holds_exactly_what_its_parties_may_read() =>
        Scenarios.SampleAsync(RunAsync, iter: 12, threads: 1, print: s => s.ToString());

    private static async Task RunAsync(Scenario scenario)
    {
        var specs = Enumerable.Range(0, scenario.NodeCount).Select(i => new NodeSpec($"node-{(char)('a' + i)}", Hosted[i])).ToArray();
        await using var f = await FederatedNodes.StartAsync(false, specs);
        var parties = specs.SelectMany(s => s.Parties).ToList();
        var channels = Channels.Select(c => (c.Id, Members: c.Members.Where(parties.Contains).ToArray())).ToList();
        foreach (var (id, members) in channels)
        {
            await f.AddChannelAsync(id, members);
        }

        var objects = new List<(string Id, string Originator, bool Relayable)>();
        foreach (var step in scenario.Steps)
        {
            switch (step.Kind)
            {
                case 0:
                    {
                        var originator = parties[step.A % parties.Count];
                        var releaseParties = parties.Where((_, i) => (step.B & (1 << i)) != 0).ToList();
                        var releaseChannels = channels.Where((c, i) => (step.C & (1 << i)) != 0 && c.Members.Contains(originator)).Select(c => c.Id).ToList();
                        var draft = StixDraft.Report($"report {objects.Count}", releaseChannels, releaseParties) with { Tlp = Tlps[step.D] };
                        await f.HostOf(originator)[originator].ImportOkAsync(StixDraft.Bundle(draft));
                        objects.Add((draft.Id, originator, Tlps[step.D] is TlpLevel.Green));
                        break;
                    }

                case 1:
                    await f.SyncAsync(specs[step.A].Id, specs[step.B].Id);
                    break;
                default:
                    {
                        var withdrawable = objects.Where(o => !o.Relayable).ToList();
                        if (withdrawable.Count == 0)
                        {
                            break;
                        }

                        var (id, originator, _) = withdrawable[step.A % withdrawable.Count];
                        var targets = step.D == 0 ? null : new Release(
                            parties.Where((_, i) => (step.B & (1 << i)) != 0).Select(PartyId.Parse),
                            channels.Where((_, i) => (step.C & (1 << i)) != 0).Select(c => ChannelId.Parse(c.Id)));
                        var home = f.HostOf(originator);
                        Assert.NotNull(await new Withdrawals(home.Store).WithdrawAsync(await home.ActorAsync(originator), StixId.Parse(id), targets, CancellationToken.None));
                        break;
                    }
            }
        }

        await f.SyncAllAsync(rounds: 5);
        await CheckAsync(f, parties, channels);
    }

    private static async Task CheckAsync(FederatedNodes f, List<string> parties, List<(string Id, string[] Members)> channels)
    {
        Reader ReaderOf(string party) => new(PartyId.Parse(party), channels.Where(c => c.Members.Contains(party)).Select(c => ChannelId.Parse(c.Id)));

        // Every version at its originating node, with the originator's current release there.
        var originals = new List<(string Key, string Id, Distribution Distribution)>();
        foreach (var node in f.Nodes)
        {
            var keys = await KeysAsync(node);
            foreach (var party in node.Hosted)
            {
                var page = await node.Store.Objects.ListAsync(ReaderOf(party), new ObjectQuery { AllVersions = true, Limit = 10_000 }, CancellationToken.None);
                originals.AddRange(page.Items.Where(v => v.Distribution.Originator.Value == party).Select(v => (keys[v.Pk], v.Id.ToString(), v.Distribution)));
            }
        }

        var problems = new List<string>();
        foreach (var node in f.Nodes)
        {
            var held = (await node.HeldAsync()).ToHashSet();
            var expected = originals.Where(o => node.Hosted.Any(p => ReleasabilityRule.CanRead(ReaderOf(p), o.Distribution))).Select(o => o.Key).ToHashSet();
            problems.AddRange(expected.Except(held).Select(k => $"{node} misses {k}"));
            problems.AddRange(held.Except(expected).Select(k => $"{node} holds {k} though none of its parties may read it"));
            foreach (var party in node.Hosted)
            {
                var readable = originals.Where(o => ReleasabilityRule.CanRead(ReaderOf(party), o.Distribution)).Select(o => o.Id).ToHashSet();
                var read = (await node[party].ListAllAsync()).Select(o => o["id"]!.GetValue<string>()).ToHashSet();
                problems.AddRange(readable.Except(read).Select(id => $"{party} at {node} cannot read {id}"));
                problems.AddRange(read.Except(readable).Select(id => $"{party} at {node} reads {id} it may not"));
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>"object id@version" of each store key of a node, as <see cref="FederatedNode.HeldAsync"/> writes them.</summary>
    private static async Task<Dictionary<long, string>> KeysAsync(FederatedNode node)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = node.DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT pk, object_id, version FROM object_version";
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new Dictionary<long, string>();
        while (await reader.ReadAsync())
        {
            keys[reader.GetInt64(0)] = $"{reader.GetString(1)}@{Convert.ToString(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture)}";
        }

        return keys;
    }
}
