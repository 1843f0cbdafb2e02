using System.Net.Http.Headers;
using Concord.Domain.Directory;
using Concord.Domain.Releasability;
using Concord.Server.Hosting;
using Concord.Storage.Access;
using Concord.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;

namespace Concord.Server.Tests.Node;

/// <summary>
/// One Concord node for a test: a SQLite file in a fresh temp folder, the real application on Kestrel at
/// 127.0.0.1 on a free port, and a way to add parties (each with an analyst and an API key) and channels.
/// </summary>
public sealed class TestNode : IAsyncDisposable
{
    private const string Seeder = "seed@node";
    private readonly List<HttpClient> _clients = [];
    private readonly string? _folder;

    private TestNode(string? folder, SqliteStore store, WebApplication app, Uri address)
    {
        _folder = folder;
        Store = store;
        App = app;
        Address = address;
        Admin = new DirectoryAdmin(store);
    }

    public SqliteStore Store { get; }

    public WebApplication App { get; }

    public Uri Address { get; }

    public DirectoryAdmin Admin { get; }

    public string DatabasePath => Store.Path;

    /// <summary>Starts a node; <paramref name="configure"/> may change the server options (the URL stays 127.0.0.1:0).</summary>
    public static Task<TestNode> StartAsync(Action<ServerOptions>? configure = null) => StartAsync(configure, null, 0, null);

    /// <summary>
    /// Starts a node on <paramref name="databasePath"/> (kept on dispose; a fresh temp folder, deleted on dispose, when
    /// null) at 127.0.0.1:<paramref name="port"/> (0: a free one), running <paramref name="prepare"/> on the migrated
    /// store before the server starts (e.g. to make the node's identity before its sync loop would make a random one).
    /// </summary>
    public static async Task<TestNode> StartAsync(Action<ServerOptions>? configure, string? databasePath, int port, Func<SqliteStore, Task>? prepare)
    {
        string? folder = null;
        if (databasePath is null)
        {
            folder = Path.Combine(Path.GetTempPath(), "concord-server-tests", Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(folder);
            databasePath = Path.Combine(folder, "node.db");
        }

        var store = new SqliteStore(databasePath);
        await store.MigrateAsync(CancellationToken.None);
        if (prepare is not null)
        {
            await prepare(store);
        }

        var options = new ServerOptions { RequestsPerMinute = 1_000_000 };
        configure?.Invoke(options);
        options.Url = $"http://127.0.0.1:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        var app = ConcordServer.Build(store, options);
        await app.StartAsync();
        return new TestNode(folder, store, app, new Uri(app.Urls.Single()));
    }

    /// <summary>Starts a node with these parties already added.</summary>
    public static async Task<(TestNode Node, IReadOnlyList<PartyClient> Parties)> StartWithPartiesAsync(params string[] parties)
    {
        var node = await StartAsync();
        var clients = new List<PartyClient>();
        foreach (var party in parties)
        {
            clients.Add(await node.AddPartyAsync(party));
        }

        return (node, clients);
    }

    /// <summary>Adds a party with one analyst and returns a client authenticated as that analyst.</summary>
    public async Task<PartyClient> AddPartyAsync(string id)
    {
        var party = PartyId.Parse(id);
        await Admin.AddPartyAsync(Seeder, party, $"Service {id}", null, PartyKind.StateService, null, CancellationToken.None);
        var member = MemberId.Of("analyst", party);
        await Admin.AddMemberAsync(Seeder, member, "Analyst", MemberRole.Analyst, CancellationToken.None);
        var token = await Admin.CreateKeyAsync(Seeder, member, CancellationToken.None);
        return new PartyClient(party, token, Client(token.Token));
    }

    /// <summary>Registers a partner's party, hosted by another node.</summary>
    public Task AddRemotePartyAsync(string id, Concord.Domain.Federation.NodeId node) =>
        Admin.AddPartyAsync(Seeder, PartyId.Parse(id), $"Service {id}", null, PartyKind.StateService, null, CancellationToken.None, node);

    /// <summary>Adds an analyst member (of a party here or a partner's) and returns a fresh API key of it.</summary>
    public async Task<ApiKeyToken> AddMemberWithKeyAsync(string name, string party)
    {
        var member = MemberId.Of(name, PartyId.Parse(party));
        await Admin.AddMemberAsync(Seeder, member, name, MemberRole.Analyst, CancellationToken.None);
        return await Admin.CreateKeyAsync(Seeder, member, CancellationToken.None);
    }

    /// <summary>A client of this node for a party's analyst whose key was made earlier (e.g. before a restart).</summary>
    public PartyClient ClientOf(PartyClient earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return new PartyClient(earlier.Party, earlier.Key, Client(earlier.Key.Token));
    }

    /// <summary>Adds a channel with these member parties.</summary>
    public Task AddChannelAsync(string id, params string[] members) =>
        Admin.AddChannelAsync(Seeder, ChannelId.Parse(id), $"Channel {id}", null, members.Select(PartyId.Parse), CancellationToken.None);

    /// <summary>Adds a node administrator and returns a client authenticated as it.</summary>
    public async Task<HttpClient> AddAdministratorAsync(string name = "root")
    {
        var member = MemberId.Parse($"{name}@node");
        await Admin.AddMemberAsync(Seeder, member, "Administrator", MemberRole.Administrator, CancellationToken.None);
        var token = await Admin.CreateKeyAsync(Seeder, member, CancellationToken.None);
        return Client(token.Token);
    }

    /// <summary>A client sending <c>Authorization: Bearer &lt;token&gt;</c>, or no Authorization header when null.</summary>
    public HttpClient Client(string? token)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await App.StopAsync();
        await App.DisposeAsync();
        await Store.DisposeAsync();
        if (_folder is null)
        {
            return;
        }

        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on some platform: the temp folder is cleaned up by the OS.
        }
    }
}
