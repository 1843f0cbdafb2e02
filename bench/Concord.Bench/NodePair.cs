using Concord.Domain.Directory;
using Concord.Domain.Federation;
using Concord.Domain.Releasability;
using Concord.Server.Hosting;
using Concord.Storage;
using Concord.Storage.Access;
using Concord.Storage.Federation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Concord.Bench;

/// <summary>
/// Two federated nodes set up as docs/FEDERATION.md describes: node A hosts <see cref="ImportRun.Party"/>, node B
/// hosts <see cref="PartyB"/>; each registers the other's party as remote (with its node), both have the generator's
/// channel with both parties, a sync member for the partner to act as, and the partner as a peer with its public key.
/// </summary>
internal static class NodePair
{
    public static readonly NodeId NodeA = NodeId.Parse("bench-node-a");
    public static readonly NodeId NodeB = NodeId.Parse("bench-node-b");
    public static readonly PartyId PartyB = PartyId.Parse("bench-partner");

    /// <summary>Where a peer is until its server starts and <see cref="StartAsync"/> points at it.</summary>
    private static readonly Uri NotStarted = new("http://127.0.0.1:9/");

    /// <summary>Sets up both (fresh) stores; returns A's analyst, who releases to the shared channel.</summary>
    public static async Task<Actor> CreateAsync(IConcordStore a, IConcordStore b, CancellationToken cancellationToken)
    {
        await a.MigrateAsync(cancellationToken);
        await b.MigrateAsync(cancellationToken);
        using var signerA = await NodeSigner.LoadAsync(a, NodeA, cancellationToken);
        using var signerB = await NodeSigner.LoadAsync(b, NodeB, cancellationToken);
        var analystA = await ImportRun.DirectoryAsync(a, ImportRun.Party, [(PartyB, NodeB)], cancellationToken);
        await ImportRun.DirectoryAsync(b, PartyB, [(ImportRun.Party, NodeA)], cancellationToken);
        await new DirectoryAdmin(a).AddMemberAsync("bench", SyncMember(PartyB), "Node B", MemberRole.Analyst, cancellationToken);
        await new DirectoryAdmin(b).AddMemberAsync("bench", SyncMember(ImportRun.Party), "Node A", MemberRole.Analyst, cancellationToken);
        await a.Federation.PutPeerAsync(new Peer(NodeB, NotStarted, null, signerB.PublicKey, Pull: false, Push: true), cancellationToken);
        await b.Federation.PutPeerAsync(new Peer(NodeA, NotStarted, null, signerA.PublicKey, Pull: false, Push: true), cancellationToken);
        return analystA;
    }

    /// <summary>The reader of node B's party, to count what reached B.</summary>
    public static async Task<Reader> ReaderBAsync(IConcordStore b, CancellationToken cancellationToken) =>
        new(PartyB, await b.Directory.ListChannelsOfAsync(PartyB, cancellationToken));

    /// <summary>
    /// Starts both nodes as Kestrel servers on loopback and registers each at the other with its URL and a fresh API
    /// key of the sync member the other issued to it.
    /// </summary>
    public static async Task<Running> StartAsync(IConcordStore a, IConcordStore b, bool sync, CancellationToken cancellationToken)
    {
        var serverA = await ServeAsync(a, sync, cancellationToken);
        var serverB = await ServeAsync(b, sync, cancellationToken);
        var peerAtA = await PointAsync(a, NodeB, serverB.Url, await KeyAsync(b, SyncMember(ImportRun.Party), cancellationToken), cancellationToken);
        await PointAsync(b, NodeA, serverA.Url, await KeyAsync(a, SyncMember(PartyB), cancellationToken), cancellationToken);
        return new Running(serverA.App, serverB.App, serverA.Url, peerAtA);
    }

    /// <summary>A fresh API key for a member of a store.</summary>
    public static async Task<string> KeyAsync(IConcordStore store, MemberId member, CancellationToken cancellationToken) =>
        (await new DirectoryAdmin(store).CreateKeyAsync("bench", member, cancellationToken)).Token;

    private static MemberId SyncMember(PartyId party) => MemberId.Of("sync", party);

    private static async Task<(WebApplication App, Uri Url)> ServeAsync(IConcordStore store, bool sync, CancellationToken cancellationToken)
    {
        var app = ConcordServer.Build(store, new ServerOptions { Url = "http://127.0.0.1:0", Sync = sync, RequestsPerMinute = 1_000_000 });
        await app.StartAsync(cancellationToken);
        return (app, Address(app));
    }

    /// <summary>The address a started application listens on.</summary>
    public static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    private static async Task<Peer> PointAsync(IConcordStore store, NodeId node, Uri url, string key, CancellationToken cancellationToken)
    {
        var peer = (await store.Federation.ListPeersAsync(cancellationToken)).Single(p => p.Node == node) with { Url = url, Credential = key };
        await store.Federation.PutPeerAsync(peer, cancellationToken);
        return peer;
    }

    /// <summary>Both nodes, serving.</summary>
    /// <param name="A">Node A's server.</param>
    /// <param name="B">Node B's server.</param>
    /// <param name="UrlA">Node A's address.</param>
    /// <param name="PeerAtA">Node B as node A's peer (what A's sync engine pushes to).</param>
    public sealed record Running(WebApplication A, WebApplication B, Uri UrlA, Peer PeerAtA) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await A.StopAsync();
            await B.StopAsync();
            await A.DisposeAsync();
            await B.DisposeAsync();
        }
    }
}
