using System.Text;
using System.Text.Json.Nodes;
using Concord.Cli.Demo;
using Concord.Domain.Directory;
using Concord.Domain.Releasability;
using Concord.Server.Hosting;
using Concord.Storage.Access;
using Concord.Storage.Import;
using Concord.Storage.Objects;
using Concord.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;

namespace Concord.Web.Tests;

/// <summary>
/// A node seeded with the demo scenario (as <c>concord demo</c> builds it), on SQLite in a temp folder, served by
/// the real application on 127.0.0.1 at a free port, with every member's API key.
/// </summary>
public sealed class WebNode : IAsyncDisposable
{
    private readonly string _folder;

    private WebNode(string folder, SqliteStore store, WebApplication app, IReadOnlyDictionary<string, string> keys)
    {
        _folder = folder;
        Store = store;
        App = app;
        Keys = keys;
        Url = app.Urls.Single();
    }

    public SqliteStore Store { get; }

    public WebApplication App { get; }

    public string Url { get; }

    /// <summary>API key of each member, by name@party.</summary>
    public IReadOnlyDictionary<string, string> Keys { get; }

    public static async Task<WebNode> StartAsync(Func<SqliteStore, Task>? seed = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "concord-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var store = new SqliteStore(Path.Combine(folder, "demo.db"));
        await store.MigrateAsync(CancellationToken.None);
        var keys = (await DemoSeeder.SeedAsync(store, CancellationToken.None)).ToDictionary(k => k.Member, k => k.Token);
        if (seed is not null)
        {
            await seed(store);
        }

        var app = ConcordServer.Build(store, new ServerOptions { Url = "http://127.0.0.1:0", RequestsPerMinute = 1_000_000 });
        await app.StartAsync();
        return new WebNode(folder, store, app, keys);
    }

    /// <summary>Imports a bundle as a member, all or nothing, through the real importer.</summary>
    public static async Task ImportAsync(SqliteStore store, string member, string bundle)
    {
        ArgumentNullException.ThrowIfNull(store);
        var actor = await new ActorResolver(store).ResolveAsync(MemberId.Parse(member), CancellationToken.None)
            ?? throw new InvalidOperationException($"no member {member}");
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(bundle));
        var report = await new Importer(store).ImportAsync(stream, new ImportRequest(actor, Release.None, Handling.None, null, AllOrNothing: true, "test"), null, CancellationToken.None);
        if (!report.Committed || report.Rejected > 0)
        {
            throw new InvalidOperationException($"import as {member} refused: {string.Join("; ", report.Problems.Take(3).Select(p => $"{p.Pointer} {p.Message}"))}");
        }
    }

    /// <summary>
    /// The inbox the releasability rule gives a party, computed apart from the inbox route: every party's own
    /// objects (as their originator reads them), kept where the Domain rule lets <paramref name="party"/> read them.
    /// </summary>
    public async Task<IReadOnlySet<string>> ExpectedInboxAsync(string party)
    {
        var parties = await Store.Directory.ListPartiesAsync(CancellationToken.None);
        var reader = new Reader(PartyId.Parse(party), await Store.Directory.ListChannelsOfAsync(PartyId.Parse(party), CancellationToken.None));
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var originator in parties.Where(p => p.Id != reader.Party))
        {
            var own = new Reader(originator.Id, await Store.Directory.ListChannelsOfAsync(originator.Id, CancellationToken.None));
            await foreach (var version in Store.Objects.ExportAsync(own, new ObjectQuery { Originator = originator.Id }, CancellationToken.None))
            {
                if (ReleasabilityRule.CanRead(reader, version.Distribution))
                {
                    expected.Add(version.Id.ToString());
                }
            }
        }

        return expected;
    }

    public JsonObject KeysJson()
    {
        var keys = new JsonObject();
        foreach (var (member, token) in Keys)
        {
            keys[member] = token;
        }

        return keys;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Store.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the OS cleans the temp folder.
        }
    }
}
