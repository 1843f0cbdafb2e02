using System.Net.Http.Headers;
using Concord.Domain.Directory;
using Concord.Domain.Releasability;
using Concord.Server.Hosting;
using Concord.Storage.Access;
using Concord.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;

namespace Concord.Server.Tests.Deconfliction;

/// <summary>A node on Kestrel at 127.0.0.1 with a SQLite file in a temp folder, and duty officers with keys.</summary>
internal sealed class OpsNode : IAsyncDisposable
{
    private readonly string _folder;
    private readonly List<HttpClient> _clients = [];

    private OpsNode(string folder, SqliteStore store, WebApplication app)
    {
        _folder = folder;
        Store = store;
        App = app;
        Address = new Uri(app.Urls.Single());
    }

    public SqliteStore Store { get; }

    public WebApplication App { get; }

    public Uri Address { get; }

    public static async Task<OpsNode> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "concord-ops-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        var store = new SqliteStore(Path.Combine(folder, "node.db"));
        await store.MigrateAsync(CancellationToken.None);
        var app = ConcordServer.Build(store, new ServerOptions { Url = "http://127.0.0.1:0", RequestsPerMinute = 1_000_000 });
        await app.StartAsync();
        return new OpsNode(folder, store, app);
    }

    /// <summary>Adds a party with a duty officer and returns a client with the officer's key.</summary>
    public async Task<HttpClient> DutyOfficerAsync(string party)
    {
        var admin = new DirectoryAdmin(Store);
        var id = PartyId.Parse(party);
        await admin.AddPartyAsync("test@node", id, party, null, PartyKind.StateService, null, CancellationToken.None);
        var member = MemberId.Of("duty", id);
        await admin.AddMemberAsync("test@node", member, "Duty officer", MemberRole.DutyOfficer, CancellationToken.None);
        var token = await admin.CreateKeyAsync("test@node", member, CancellationToken.None);
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
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
        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS is left to the temp cleaner.
        }
    }
}
