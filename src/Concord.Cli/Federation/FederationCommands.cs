using System.CommandLine;
using Concord.Domain.Federation;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Server.Federation;
using Concord.Storage.Federation;
using Microsoft.Extensions.Logging.Abstractions;

namespace Concord.Cli.Federation;

/// <summary><c>concord node</c>, <c>concord peer</c>, <c>concord sync</c> and <c>concord withdraw</c>: federation between sovereign nodes over TAXII 2.1.</summary>
internal static class FederationCommands
{
    public static Command Node()
    {
        var command = new Command("node", "This node's identity in a federation: its id and Ed25519 public key.");
        var id = new Option<string?>("--id") { Description = "The node id to take when the identity is made (2-64 of a-z, 0-9 and '-'); an existing identity is never changed." };
        var show = new Command("show", "Print the node id and public key (made on first use) to give to partners for 'concord peer add'.") { id };
        show.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            NodeId? proposed = null;
            if (parse.GetValue(id) is { } text)
            {
                proposed = ParseNode(text, "--id");
            }

            using var signer = await NodeSigner.LoadAsync(context.Store, proposed, cancellationToken);
            if (proposed is { } wanted && wanted != signer.Node)
            {
                throw new CliException($"--id: this node is already '{signer.Node}'; a node's identity does not change");
            }

            var view = new NodeView(signer.Node.Value, signer.PublicKey.ToString());
            if (context.Json)
            {
                context.WriteJson(view, CliJson.Default.NodeView);
            }
            else
            {
                context.Output.WriteLine($"node        {view.Node}");
                context.Output.WriteLine($"public key  {view.PublicKey}");
            }

            return 0;
        }));
        command.Subcommands.Add(show);
        return command;
    }

    public static Command Peer()
    {
        var command = new Command("peer", "Partner nodes this node exchanges objects with over TAXII 2.1.");
        var node = new Argument<string>("node") { Description = "The peer's node id (as its 'concord node show' prints it)." };
        var url = new Option<string>("--url") { Description = "The peer's base URL (its TAXII discovery is at <url>/taxii2/).", Required = true };
        var key = new Option<string?>("--key") { Description = "The API key the peer issued to this node (a member of one of this node's parties, registered on the peer); for a plain TAXII server with HTTP Basic, user:password." };
        var publicKey = new Option<string?>("--public-key") { Description = "The peer's public key, ed25519:… (versions its parties originate must carry its signature)." };
        var pull = new Option<bool>("--pull") { Description = "Also pull from the peer's collections (for peers that do not push, or to catch up)." };
        var noPush = new Option<bool>("--no-push") { Description = "Do not push to the peer." };
        var feedParty = new Option<string[]>("--feed-party") { Description = "For a plain TAXII 2.1 server (not a Concord node; nothing signed): release what is pulled from it to this party here (repeatable). Register the feed as a party with --node <node> first.", AllowMultipleArgumentsPerToken = true };
        var feedChannel = new Option<string[]>("--feed-channel") { Description = "For a plain TAXII 2.1 server: release what is pulled from it to this channel (repeatable).", AllowMultipleArgumentsPerToken = true };
        var add = new Command("add", "Add a peer, or replace the one with this node id.") { node, url, key, publicKey, pull, noPush, feedParty, feedChannel };
        add.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            var nodeText = parse.GetValue(node)!;
            var nodeId = ParseNode(nodeText, "node");
            var urlText = parse.GetValue(url)!;
            if (!Uri.TryCreate(urlText, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new CliException($"--url: '{urlText}' is not an http(s) URL");
            }

            NodePublicKey? peerKey = null;
            if (parse.GetValue(publicKey) is { } keyText && !NodePublicKey.TryParse(keyText, out peerKey, out var keyError))
            {
                throw new CliException($"--public-key: {keyError}");
            }

            var self = await context.Store.Federation.GetIdentityAsync(cancellationToken);
            if (self?.Node == nodeId)
            {
                throw new CliException($"node: '{nodeId}' is this node");
            }

            var feedParties = (parse.GetValue(feedParty) ?? []).Select(t => PartyId.TryParse(t, out var x) ? x : throw new CliException($"--feed-party: '{t}' is not a party id")).ToList();
            var feedChannels = (parse.GetValue(feedChannel) ?? []).Select(t => ChannelId.TryParse(t, out var x) ? x : throw new CliException($"--feed-channel: '{t}' is not a channel id")).ToList();
            var isFeed = feedParties.Count + feedChannels.Count > 0;
            if (isFeed && peerKey is not null)
            {
                throw new CliException("--feed-party/--feed-channel are for plain TAXII servers; a Concord peer with --public-key releases its own objects");
            }

            var peer = isFeed
                ? new Peer(nodeId, uri, parse.GetValue(key), null, Pull: true, Push: false) { FeedRelease = new Release(feedParties, feedChannels) }
                : new Peer(nodeId, uri, parse.GetValue(key), peerKey, parse.GetValue(pull), !parse.GetValue(noPush));
            await context.Store.Federation.PutPeerAsync(peer, cancellationToken);
            await PrintPeersAsync(context, [peer], cancellationToken);
            return 0;
        }));
        var list = new Command("list", "List the peers (credentials are never printed).");
        list.SetAction(CliRunner.WithStore(async (_, context, cancellationToken) =>
        {
            await PrintPeersAsync(context, await context.Store.Federation.ListPeersAsync(cancellationToken), cancellationToken);
            return 0;
        }));
        var removeNode = new Argument<string>("node") { Description = "The peer's node id." };
        var remove = new Command("remove", "Remove a peer with its cursors and the withdrawals owed to it.") { removeNode };
        remove.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            var text = parse.GetValue(removeNode)!;
            var id = ParseNode(text, "node");
            if (!await context.Store.Federation.RemovePeerAsync(id, cancellationToken))
            {
                throw new CliException($"node: no peer '{id}'");
            }

            context.Output.WriteLine($"Removed peer {id}.");
            return 0;
        }));
        var resendNode = new Argument<string>("node") { Description = "The peer's node id." };
        var resend = new Command("resend", "Forget the cursors kept for a peer, so the next sync sends and fetches everything again (what the other side holds is taken as unchanged) — e.g. after the peer registered a key it lacked and had refused versions.") { resendNode };
        resend.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            var text = parse.GetValue(resendNode)!;
            var id = ParseNode(text, "node");
            if (!(await context.Store.Federation.ListPeersAsync(cancellationToken)).Any(p => p.Node == id))
            {
                throw new CliException($"node: no peer '{id}'");
            }

            await context.Store.Federation.ResetCursorsAsync(id, cancellationToken);
            context.Output.WriteLine($"The next sync with {id} starts from the beginning.");
            return 0;
        }));
        var limit = new Option<int>("--limit") { Description = "How many (newest first).", DefaultValueFactory = _ => 50 };
        var refusals = new Command("refusals", "What peers sent that this node refused, newest first, with the reason.") { limit };
        refusals.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            var views = (await context.Store.Federation.ListRefusalsAsync(Math.Clamp(parse.GetValue(limit), 1, 10_000), cancellationToken))
                .Select(r => new RefusalView(r.At, r.Node.Value, r.ObjectId, IngestRefusals.Token(r.Reason), r.Detail)).ToList();
            if (context.Json)
            {
                context.WriteJson<IReadOnlyList<RefusalView>>(views, CliJson.Default.IReadOnlyListRefusalView);
            }
            else
            {
                context.WriteTable(["at", "node", "object", "reason", "detail"], views.Select(v => new[] { v.At.ToString("u", System.Globalization.CultureInfo.InvariantCulture), v.Node, v.ObjectId, v.Reason, v.Detail }));
            }

            return 0;
        }));
        command.Subcommands.Add(add);
        command.Subcommands.Add(list);
        command.Subcommands.Add(remove);
        command.Subcommands.Add(refusals);
        command.Subcommands.Add(resend);
        return command;
    }

    private static NodeId ParseNode(string text, string option) =>
        NodeId.TryParse(text, out var node) ? node : throw new CliException($"{option}: '{text}' is not a node id (2-64 of a-z, 0-9 and '-')");

    private static async Task PrintPeersAsync(CliContext context, IReadOnlyList<Peer> peers, CancellationToken cancellationToken)
    {
        var parties = await context.Store.Directory.ListPartiesAsync(cancellationToken);
        var views = peers.Select(p => new PeerView(p.Node.Value, p.Url.ToString(), p.Pull, p.Push, p.Credential is not null, p.PublicKey?.ToString(),
            parties.Where(q => q.Node == p.Node).Select(q => q.Id.Value).ToList())).ToList();
        if (context.Json)
        {
            context.WriteJson<IReadOnlyList<PeerView>>(views, CliJson.Default.IReadOnlyListPeerView);
            return;
        }

        context.WriteTable(["node", "url", "push", "pull", "credential", "public key", "its parties here"],
            views.Select(v => new[] { v.Node, v.Url, v.Push ? "yes" : "no", v.Pull ? "yes" : "no", v.HasCredential ? "set" : "none", v.PublicKey ?? "none", string.Join(", ", v.Parties) }));
    }

    public static Command Sync()
    {
        var continuous = new Option<bool>("--continuous") { Description = "Keep synchronising (push as soon as something is published here, pull where configured) until stopped." };
        var only = new Option<string?>("--peer") { Description = "Only this peer." };
        var page = new Option<int>("--page") { Description = $"Objects per pushed page, one POST and one transaction at the peer each (default {SyncEngine.DefaultPushPageSize:N0}).", DefaultValueFactory = _ => SyncEngine.DefaultPushPageSize };
        var command = new Command("sync", "Synchronise with peers over TAXII 2.1: deliver withdrawals, push what their parties may read, pull where configured. Resumes from saved cursors.") { continuous, only, page };
        command.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            if (parse.GetValue(page) is < 1 or > 100_000)
            {
                throw new CliException("--page: a whole number from 1 to 100,000");
            }

            using var signer = await NodeSigner.LoadAsync(context.Store, null, cancellationToken);
            if (parse.GetValue(continuous))
            {
                using var signal = new SyncSignal();
                context.Output.WriteLine($"Synchronising node {signer.Node} with its peers continuously (Ctrl+C stops).");
                await new SyncLoop(context.Store, signer, signal, NullLogger.Instance).RunAsync(cancellationToken);
                return 0;
            }

            var peers = await context.Store.Federation.ListPeersAsync(cancellationToken);
            if (parse.GetValue(only) is { } text)
            {
                peers = peers.Where(p => p.Node.Value == text).ToList();
                if (peers.Count == 0)
                {
                    throw new CliException($"--peer: no peer '{text}'");
                }
            }

            var engine = new SyncEngine(context.Store, signer, NullLogger.Instance) { PushPageSize = parse.GetValue(page) };
            var views = new List<SyncView>();
            foreach (var peer in peers)
            {
                try
                {
                    var r = await engine.SyncAsync(peer, cancellationToken);
                    views.Add(new SyncView(peer.Node.Value, r.Pushed, r.Pulled, r.Withdrawals, r.Refused, null));
                }
                catch (Exception ex) when (ex is HttpRequestException or TaxiiException or System.Text.Json.JsonException)
                {
                    views.Add(new SyncView(peer.Node.Value, 0, 0, 0, 0, ex.Message));
                }
            }

            if (context.Json)
            {
                context.WriteJson<IReadOnlyList<SyncView>>(views, CliJson.Default.IReadOnlyListSyncView);
            }
            else
            {
                foreach (var v in views)
                {
                    context.Output.WriteLine(v.Error is null
                        ? $"{v.Node}: pushed {v.Pushed}, pulled {v.Pulled}, withdrawals {v.Withdrawals}, refused {v.Refused}"
                        : $"{v.Node}: unreachable: {v.Error}");
                }
            }

            return views.Any(v => v.Error is not null) ? 1 : 0;
        }));
        return command;
    }

    public static Command Withdraw()
    {
        var id = new Argument<string>("id") { Description = "STIX id, type--UUID, of an object your party originated." };
        var actAs = CliOptions.As();
        var parties = new Option<string[]>("--party") { Description = "Withdraw from this party (repeatable).", AllowMultipleArgumentsPerToken = true };
        var channels = new Option<string[]>("--channel") { Description = "Withdraw from this channel (repeatable).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("withdraw", "Narrow the release of an object your party originated: take parties or channels (all, when none is named) out of every version's release; partners that held it are told to purge.") { id, actAs, parties, channels };
        command.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            var actor = await context.ActAsAsync(parse.GetValue(actAs), cancellationToken);
            var stixId = StixId.TryParse(parse.GetValue(id), out var s) ? s : throw new CliException($"'{parse.GetValue(id)}' is not a STIX identifier (type--UUID)");
            var p = (parse.GetValue(parties) ?? []).Select(t => PartyId.TryParse(t, out var x) ? x : throw new CliException($"--party: '{t}' is not a party id")).ToList();
            var c = (parse.GetValue(channels) ?? []).Select(t => ChannelId.TryParse(t, out var x) ? x : throw new CliException($"--channel: '{t}' is not a channel id")).ToList();
            Release? targets = p.Count + c.Count > 0 ? new Release(p, c) : null;
            var outcome = await new Withdrawals(context.Store).WithdrawAsync(actor, stixId, targets, cancellationToken)
                ?? throw new CliException($"{stixId}: not found (no object with this id that {actor.Party} originated)");
            context.Output.WriteLine($"Withdrew {stixId} from {targets?.ToString() ?? "everyone"}: {outcome.ReleaseRowsRemoved} release entries removed.");
            return 0;
        }));
        return command;
    }
}
