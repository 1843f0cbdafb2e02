using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace Concord.Cli.Tests.Federation;

/// <summary>
/// Two nodes set up through the command line exactly as docs/FEDERATION.md describes: A (node-moscow) hosts ru-fsb,
/// B (node-islamabad) hosts pk-isi; each knows the other's party with <c>--node</c>, both have the channel pk-ru-jwg
/// with both parties, and each issues an API key to a member of the partner's party (sync@pk-isi on A, sync@ru-fsb on B).
/// Each side has an analyst of its own party. Peers are added once the servers' addresses are known.
/// </summary>
internal sealed class FederatedPair : IDisposable
{
    public const string NodeA = "node-moscow";
    public const string NodeB = "node-islamabad";
    public const string Channel = "pk-ru-jwg";
    public const string AnalystA = "analyst@ru-fsb";
    public const string AnalystB = "analyst@pk-isi";

    private FederatedPair(TestNode a, TestNode b) => (A, B) = (a, b);

    public TestNode A { get; }

    public TestNode B { get; }

    /// <summary>The API key A issued to sync@pk-isi (B presents it when it calls A).</summary>
    public string KeyIssuedByA { get; private set; } = string.Empty;

    /// <summary>The API key B issued to sync@ru-fsb (A presents it when it calls B).</summary>
    public string KeyIssuedByB { get; private set; } = string.Empty;

    public string PublicKeyA { get; private set; } = string.Empty;

    public string PublicKeyB { get; private set; } = string.Empty;

    public static async Task<FederatedPair> CreateAsync()
    {
        var pair = new FederatedPair(TestNode.Create(), TestNode.Create());
        try
        {
            pair.PublicKeyA = await SetUpAsync(pair.A, NodeA, "ru-fsb", "Federal Security Service", "RU", NodeB, "pk-isi", "Inter-Services Intelligence", "PK");
            pair.PublicKeyB = await SetUpAsync(pair.B, NodeB, "pk-isi", "Inter-Services Intelligence", "PK", NodeA, "ru-fsb", "Federal Security Service", "RU");
            pair.KeyIssuedByA = (await pair.A.OkAsync("key", "create", "sync@pk-isi", "--json")).Json().GetProperty("token").GetString()!;
            pair.KeyIssuedByB = (await pair.B.OkAsync("key", "create", "sync@ru-fsb", "--json")).Json().GetProperty("token").GetString()!;
            return pair;
        }
        catch
        {
            pair.Dispose();
            throw;
        }
    }

    private static async Task<string> SetUpAsync(TestNode node, string self, string party, string name, string country, string partnerNode, string partner, string partnerName, string partnerCountry)
    {
        var key = (await node.OkAsync("node", "show", "--id", self, "--json")).Json().GetProperty("public_key").GetString()!;
        await node.OkAsync("party", "add", party, "--name", name, "--country", country);
        await node.OkAsync("party", "add", partner, "--name", partnerName, "--country", partnerCountry, "--node", partnerNode);
        await node.OkAsync("channel", "add", Channel, "--name", "Pakistan–Russia JWG on CT", "--member", "pk-isi", "--member", "ru-fsb");
        await node.OkAsync("member", "add", $"sync@{partner}", "--role", "Analyst");
        await node.OkAsync("member", "add", $"analyst@{party}");
        return key;
    }

    /// <summary><c>concord peer add</c> on A for B at <paramref name="urlOfB"/> (with B's key as B printed it, unless another is given).</summary>
    public Task<CliResult> AddBAtAAsync(Uri urlOfB, string? publicKeyOfB = null) =>
        A.OkAsync("peer", "add", NodeB, "--url", urlOfB.ToString(), "--key", KeyIssuedByB, "--public-key", publicKeyOfB ?? PublicKeyB);

    /// <summary><c>concord peer add</c> on B for A at <paramref name="urlOfA"/>.</summary>
    public Task<CliResult> AddAAtBAsync(Uri urlOfA, string? publicKeyOfA = null) =>
        B.OkAsync("peer", "add", NodeA, "--url", urlOfA.ToString(), "--key", KeyIssuedByA, "--public-key", publicKeyOfA ?? PublicKeyA);

    /// <summary>A loopback URL nothing listens on (a port the system just handed out and took back).</summary>
    public static Uri UnusedUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
    }

    /// <summary>The store opened directly with SQLite (read-only unless asked), bypassing every Concord rule.</summary>
    public static SqliteConnection OpenStore(TestNode node, SqliteOpenMode mode = SqliteOpenMode.ReadOnly)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = node.Store, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        return connection;
    }

    public static T Scalar<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
    }
}
