using Concord.Domain.Federation;
using Concord.Domain.Releasability;
using Concord.Server.Federation;
using Concord.Server.Tests.Node;
using Concord.Storage.Access;
using Concord.Storage.Federation;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Concord.Server.Tests.Federation;

/// <summary>A node of a test federation: its id and the parties it hosts.</summary>
/// <param name="Id">The node id, e.g. <c>node-a</c>.</param>
/// <param name="Parties">The parties hosted there.</param>
public sealed record NodeSpec(string Id, params string[] Parties);

/// <summary>
/// One node of a <see cref="FederatedNodes"/>: a <see cref="TestNode"/> on its own SQLite file with its identity, the
/// analysts of the parties it hosts, and the keys it issued to its peers' sync members.
/// </summary>
public sealed class FederatedNode
{
    private readonly Dictionary<string, PartyClient> _parties = new(StringComparer.Ordinal);

    internal FederatedNode(NodeSpec spec, string databasePath)
    {
        Id = NodeId.Parse(spec.Id);
        Hosted = spec.Parties;
        DatabasePath = databasePath;
    }

    public NodeId Id { get; }

    public IReadOnlyList<string> Hosted { get; }

    public string DatabasePath { get; }

    public TestNode Node { get; internal set; } = null!;

    public NodeSigner Signer { get; internal set; } = null!;

    /// <summary>True while the node's server is stopped.</summary>
    public bool Stopped { get; internal set; }

    public Concord.Storage.Sqlite.SqliteStore Store => Node.Store;

    /// <summary>Keys this node issued, by the peer node acting as a member of one of its parties here.</summary>
    public Dictionary<NodeId, string> SyncKeys { get; } = [];

    /// <summary>The analyst of a party hosted here.</summary>
    public PartyClient this[string party] => _parties[party];

    internal void SetParty(PartyClient client) => _parties[client.Id] = client;

    internal IEnumerable<PartyClient> Analysts => _parties.Values.ToList();

    /// <summary>An actor for the analyst of a party hosted here (for store-level calls such as withdrawals).</summary>
    public async Task<Actor> ActorAsync(string party)
    {
        var id = PartyId.Parse(party);
        return new Actor(Concord.Domain.Directory.MemberId.Of("analyst", id), Concord.Domain.Directory.MemberRole.Analyst, new Reader(id, await Store.Directory.ListChannelsOfAsync(id, CancellationToken.None)));
    }

    /// <summary>This node's peer record of another node.</summary>
    public async Task<Peer> PeerAsync(FederatedNode other) =>
        (await Store.Federation.ListPeersAsync(CancellationToken.None)).Single(p => p.Node == other.Id);

    /// <summary>Every (object id, version) held in this node's SQLite file, read directly (not through the API).</summary>
    public async Task<IReadOnlyList<string>> HeldAsync()
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT object_id, version FROM object_version ORDER BY object_id, version";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add($"{reader.GetString(0)}@{Convert.ToString(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)}");
        }

        return rows;
    }

    /// <summary>The ids of the objects held here (any version).</summary>
    public async Task<IReadOnlySet<string>> HeldIdsAsync() => (await HeldAsync()).Select(r => r.Split('@')[0]).ToHashSet();

    public override string ToString() => Id.Value;
}

/// <summary>
/// A federation of real nodes for a test, each a Kestrel server on 127.0.0.1 with its own SQLite file: every node knows
/// every party (its own, and the others' registered with the node hosting them), shared channels carry the same id
/// and members everywhere, and every node is a push peer of every other with the other's public key and the key of a
/// sync member the other issued to it (a member of one of this node's parties, registered there as a remote party).
/// With <c>sync: false</c> nothing moves until a test calls <see cref="SyncAsync(string, string)"/>.
/// </summary>
public sealed class FederatedNodes : IAsyncDisposable
{
    private readonly string _folder;
    private readonly bool _sync;
    private readonly List<FederatedNode> _nodes = [];

    private FederatedNodes(string folder, bool sync)
    {
        _folder = folder;
        _sync = sync;
    }

    public IReadOnlyList<FederatedNode> Nodes => _nodes;

    public FederatedNode this[string node] => _nodes.Single(n => n.Id.Value == node);

    /// <summary>The node hosting a party.</summary>
    public FederatedNode HostOf(string party) => _nodes.Single(n => n.Hosted.Contains(party));

    /// <summary>Starts the nodes and federates them.</summary>
    public static async Task<FederatedNodes> StartAsync(bool sync, params NodeSpec[] specs)
    {
        var folder = Path.Combine(Path.GetTempPath(), "concord-federation-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        var federation = new FederatedNodes(folder, sync);
        try
        {
            foreach (var spec in specs)
            {
                var node = new FederatedNode(spec, Path.Combine(folder, spec.Id + ".db"));
                federation._nodes.Add(node);
                node.Node = await TestNode.StartAsync(o => o.Sync = sync, node.DatabasePath, 0, async store =>
                    node.Signer = await NodeSigner.LoadAsync(store, node.Id, CancellationToken.None));
                Assert.Equal(node.Id, node.Signer.Node);
            }

            foreach (var node in federation._nodes)
            {
                foreach (var party in node.Hosted)
                {
                    node.SetParty(await node.Node.AddPartyAsync(party));
                }

                foreach (var other in federation._nodes.Where(o => o != node))
                {
                    foreach (var party in other.Hosted)
                    {
                        await node.Node.AddRemotePartyAsync(party, other.Id);
                    }

                    // The member the other node acts as here: one of the other node's parties.
                    var key = await node.Node.AddMemberWithKeyAsync("sync", other.Hosted[0]);
                    node.SyncKeys[other.Id] = key.Token;
                }
            }

            foreach (var node in federation._nodes)
            {
                foreach (var other in federation._nodes.Where(o => o != node))
                {
                    await node.Store.Federation.PutPeerAsync(
                        new Peer(other.Id, other.Node.Address, other.SyncKeys[node.Id], other.Signer.PublicKey, Pull: false, Push: true), CancellationToken.None);
                }
            }
        }
        catch
        {
            await federation.DisposeAsync();
            throw;
        }

        return federation;
    }

    /// <summary>Adds a channel with the same id and members on every node.</summary>
    public async Task AddChannelAsync(string id, params string[] members)
    {
        foreach (var node in _nodes)
        {
            await node.Node.AddChannelAsync(id, members);
        }
    }

    /// <summary>One round of <paramref name="from"/> with its peer <paramref name="to"/>.</summary>
    public async Task<SyncReport> SyncAsync(string from, string to)
    {
        var sender = this[from];
        var peer = await sender.PeerAsync(this[to]);
        return await new SyncEngine(sender.Store, sender.Signer, NullLogger.Instance).SyncAsync(peer, CancellationToken.None);
    }

    /// <summary>Rounds of every node with every peer until one round moves nothing (at most <paramref name="rounds"/>).</summary>
    public async Task SyncAllAsync(int rounds = 4)
    {
        for (var round = 0; round < rounds; round++)
        {
            long moved = 0;
            foreach (var from in _nodes)
            {
                foreach (var to in _nodes.Where(n => n != from))
                {
                    var report = await SyncAsync(from.Id.Value, to.Id.Value);
                    moved += report.Pushed + report.Pulled + report.Withdrawals;
                }
            }

            if (moved == 0)
            {
                return;
            }
        }
    }

    /// <summary>Stops a node's server (its file stays).</summary>
    public async Task StopAsync(string id)
    {
        var node = this[id];
        await node.Node.DisposeAsync();
        node.Stopped = true;
    }

    /// <summary>Starts a stopped node again on the same file and port, with new clients for its analysts.</summary>
    public async Task RestartAsync(string id)
    {
        var node = this[id];
        var port = node.Node.Address.Port;
        var analysts = node.Analysts.ToList();
        node.Node = await TestNode.StartAsync(o => o.Sync = _sync, node.DatabasePath, port, null);
        node.Stopped = false;
        foreach (var analyst in analysts)
        {
            node.SetParty(node.Node.ClientOf(analyst));
        }
    }

    /// <summary>
    /// An HTTP client of <paramref name="receiver"/> authenticated as the sync member <paramref name="sender"/> acts
    /// as there — to post to it as that peer would.
    /// </summary>
    public HttpClient SyncClient(string sender, string receiver)
    {
        var node = this[receiver];
        return node.Node.Client(node.SyncKeys[this[sender].Id]);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            if (node.Node is not null && !node.Stopped)
            {
                await node.Node.DisposeAsync();
            }

            node.Signer?.Dispose();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temp folder is cleaned up by the OS.
        }
    }
}
