using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Concord.Domain.Federation;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Server.Taxii;
using Concord.Server.Tests.Node;
using Concord.Server.Tests.Stix;
using Concord.Storage.Federation;

namespace Concord.Server.Tests.Federation;

/// <summary>
/// Two and three real nodes federated over TAXII 2.1, rounds driven by hand: what a party releases reaches exactly
/// the partner nodes whose parties may read it, once; narrowing, revocation and declassification follow it; forwards
/// obey TLP and caveats; forged, unsigned and impersonating arrivals are refused and logged; a node that was down
/// gets everything when it is back.
/// </summary>
public sealed class FederationTests
{
    private const string Fsb = "ru-fsb";
    private const string Svr = "ru-svr";
    private const string Isi = "pk-isi";
    private const string Ib = "pk-ib";
    private const string Mss = "cn-mss";
    private const string Jwg = "pk-ru-jwg";

    private static readonly string Everything = TaxiiCollections.Everything;

    private static async Task<FederatedNodes> TwoNodesAsync(bool sync = false)
    {
        var federation = await FederatedNodes.StartAsync(sync, new NodeSpec("node-a", Fsb, Svr), new NodeSpec("node-b", Isi, Ib));
        await federation.AddChannelAsync(Jwg, Fsb, Isi);
        return federation;
    }

    private static async Task<FederatedNodes> ThreeNodesAsync()
    {
        var federation = await FederatedNodes.StartAsync(false, new NodeSpec("node-a", Fsb), new NodeSpec("node-b", Isi), new NodeSpec("node-c", Mss));
        await federation.AddChannelAsync(Jwg, Fsb, Isi);
        return federation;
    }

    private static string ObjectPath(string id) => $"/api/objects/{id}";

    private static string TaxiiObjectPath(string id, string? collection = null) => $"/taxii2/concord/collections/{collection ?? Everything}/objects/{id}/";

    [Fact]
    public async Task A_partners_sync_member_cannot_publish_through_the_rest_api_under_its_partys_name()
    {
        await using var f = await TwoNodesAsync();
        var a = f["node-a"];
        var asB = f.SyncClient("node-b", "node-a");
        var draft = StixDraft.Report("claimed without a signature", parties: [Fsb]);
        using var content = new StringContent(StixDraft.Bundle(draft), Encoding.UTF8, "application/json");

        using var response = await asB.PostAsync(new Uri("/api/bundles", UriKind.Relative), content);
        var answer = await Answer.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("hosted by node 'node-b'", answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(draft.Id, await a.HeldIdsAsync());
    }

    [Fact]
    public async Task A_release_reaches_the_partner_node_and_nothing_else_does()
    {
        await using var f = await TwoNodesAsync();
        var (a, b) = (f["node-a"], f["node-b"]);
        var shared = StixDraft.Report("shared with the JWG", channels: [Jwg]);
        var nobody = StixDraft.Report("kept by the originator", channels: [], parties: []);
        var local = StixDraft.Report("for the other service at home", parties: [Svr]);
        await a[Fsb].ImportOkAsync(StixDraft.Bundle(shared, nobody, local));

        var report = await f.SyncAsync("node-a", "node-b");

        Assert.Equal(1, report.Pushed);
        Assert.Equal(0, report.Refused);
        var read = await b[Isi].GetAsync(ObjectPath(shared.Id));
        Assert.True(read.Status == HttpStatusCode.OK, read.ToString());
        Assert.Equal(shared.Name, read.Json["name"]!.GetValue<string>());
        Assert.Equal(Fsb, read.Json["extensions"]![ConcordExtension.Id]!["originator"]!.GetValue<string>());
        var taxii = await b[Isi].GetAsync(TaxiiObjectPath(shared.Id));
        Assert.True(taxii.Status == HttpStatusCode.OK, taxii.ToString());
        Assert.Equal(shared.Id, taxii.Json["objects"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await b[Isi].GetAsync(TaxiiObjectPath(shared.Id, TaxiiCollections.OfChannel(ChannelId.Parse(Jwg))))).Status);

        Assert.Equal(HttpStatusCode.NotFound, (await b[Isi].GetAsync(ObjectPath(nobody.Id))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await b[Isi].GetAsync(TaxiiObjectPath(nobody.Id))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await b[Isi].GetAsync(ObjectPath(local.Id))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await b[Ib].GetAsync(ObjectPath(shared.Id))).Status);
        Assert.Equal(1, await b[Isi].CountAsync());
        Assert.Equal(0, await b[Ib].CountAsync());
        Assert.Equal([shared.Id], await b.HeldIdsAsync());
        Assert.Empty(await b.Store.Federation.ListRefusalsAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task A_partners_party_that_joins_a_channel_late_receives_what_the_channel_already_held()
    {
        await using var f = await ThreeNodesAsync();
        var (a, c) = (f["node-a"], f["node-c"]);
        var older = StixDraft.Report("held by the JWG before cn-mss joined", channels: [Jwg]);
        var direct = StixDraft.Report("released to cn-mss directly", parties: [Mss]);
        await a[Fsb].ImportOkAsync(StixDraft.Bundle(older, direct));
        await f.SyncAllAsync();
        // A's push cursor for cn-mss is past the older report now.
        Assert.Equal(new HashSet<string> { direct.Id }, await c.HeldIdsAsync());

        foreach (var node in new[] { "node-a", "node-b", "node-c" })
        {
            await new Storage.Access.DirectoryAdmin(f[node].Store).JoinChannelAsync("test", ChannelId.Parse(Jwg), PartyId.Parse(Mss), CancellationToken.None);
        }

        var report = await f.SyncAsync("node-a", "node-c");

        Assert.Equal(1, report.Pushed);
        Assert.Equal(0, report.Refused);
        Assert.Equal(older.Name, (await c[Mss].GetAsync(ObjectPath(older.Id))).Json["name"]!.GetValue<string>());
        Assert.Equal(0, (await f.SyncAsync("node-a", "node-c")).Pushed);
        await new Storage.Access.DirectoryAdmin(a.Store).JoinChannelAsync("test", ChannelId.Parse(Jwg), PartyId.Parse(Mss), CancellationToken.None);
        Assert.Equal(0, (await f.SyncAsync("node-a", "node-c")).Pushed);
    }

    [Fact]
    public async Task A_second_round_moves_nothing_and_a_resent_page_stores_nothing_new()
    {
        await using var f = await TwoNodesAsync();
        var (a, b) = (f["node-a"], f["node-b"]);
        var drafts = Enumerable.Range(0, 5).Select(i => StixDraft.Report($"report {i}", channels: [Jwg])).ToArray();
        await a[Fsb].ImportOkAsync(StixDraft.Bundle(drafts));
        Assert.Equal(5, (await f.SyncAsync("node-a", "node-b")).Pushed);
        var before = await StoreSnapshot.TakeAsync(b.DatabasePath);

        var again = await f.SyncAsync("node-a", "node-b");

        Assert.Equal(0, again.Pushed);
        Assert.Equal(0, (await f.SyncAsync("node-b", "node-a")).Pushed);

        // As after a crash between the partner's 202 and the cursor write: the page goes again, and is taken as unchanged.
        await a.Store.Federation.SetCursorAsync(b.Id, "push:" + Isi, "0", CancellationToken.None);
        var resent = await f.SyncAsync("node-a", "node-b");

        Assert.Equal(5, resent.Pushed);
        Assert.Equal(0, resent.Refused);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(b.DatabasePath));
        Assert.Equal(5, await b[Isi].CountAsync());
    }

    [Fact]
    public async Task Withdrawing_the_channel_purges_the_object_at_the_partner_but_not_at_home()
    {
        await using var f = await TwoNodesAsync();
        var (a, b) = (f["node-a"], f["node-b"]);
        var item = StixDraft.Report("to be withdrawn", channels: [Jwg]);
        var other = StixDraft.Report("stays", channels: [Jwg]);
        await a[Fsb].ImportOkAsync(StixDraft.Bundle(item, other));
        await a[Fsb].ImportOkAsync(StixDraft.Bundle(item.Next() with { Description = "second version" }));
        await f.SyncAsync("node-a", "node-b");
        Assert.Equal(HttpStatusCode.OK, (await b[Isi].GetAsync(ObjectPath(item.Id))).Status);

        var outcome = await new Withdrawals(a.Store).WithdrawAsync(await a.ActorAsync(Fsb), StixId.Parse(item.Id), new Release([], [ChannelId.Parse(Jwg)]), CancellationToken.None);
        Assert.NotNull(outcome);
        var report = await f.SyncAsync("node-a", "node-b");

        Assert.Equal(1, report.Withdrawals);
        Assert.Equal(HttpStatusCode.NotFound, (await b[Isi].GetAsync(ObjectPath(item.Id))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await b[Isi].GetAsync(TaxiiObjectPath(item.Id))).Status);
        Assert.Equal([other.Id], await b.HeldIdsAsync());
        Assert.Equal(HttpStatusCode.OK, (await a[Fsb].GetAsync(ObjectPath(item.Id))).Status);
        Assert.Equal(HttpStatusCode.OK, (await b[Isi].GetAsync(ObjectPath(other.Id))).Status);
        Assert.Equal(0, (await f.SyncAsync("node-a", "node-b")).Withdrawals);
        Assert.Empty(await a.Store.Federation.ListWithdrawalsAsync(b.Id, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Declassification_and_revocation_reach_the_partner_which_reads_the_latest_version()
    {
        await using var f = await TwoNodesAsync();
        var (a, b) = (f["node-a"], f["node-b"]);
        var first = StixDraft.Report("amber at first", channels: [Jwg]) with { Tlp = TlpLevel.Amber };
        await a[Fsb].ImportOkAsync(StixDraft.Bundle(first));
        await f.SyncAsync("node-a", "node-b");

        // The later versions name no release: the earlier recipients get them all the same (propagation).
        var declassified = first.Next() with { Tlp = TlpLevel.Green, Channels = null, Parties = null, Name = "green now" };
        await a[Fsb].ImportOkAsync(StixDraft.Bundle(declassified));
        Assert.Equal(1, (await f.SyncAsync("node-a", "node-b")).Pushed);

        var latest = (await b[Isi].GetAsync(ObjectPath(first.Id))).Json;
        Assert.Equal("green now", latest["name"]!.GetValue<string>());
        Assert.Equal(StixDraft.Timestamp(declassified.Modified), latest["modified"]!.GetValue<string>());
        Assert.Equal(Concord.Domain.Stix.Tlp.MarkingIdOf(TlpLevel.Green), latest["object_marking_refs"]![0]!.GetValue<string>());

        var revoked = declassified.Next() with { Revoked = true };
        await a[Fsb].ImportOkAsync(StixDraft.Bundle(revoked));
        Assert.Equal(1, (await f.SyncAsync("node-a", "node-b")).Pushed);

        latest = (await b[Isi].GetAsync(ObjectPath(first.Id))).Json;
        Assert.True(latest["revoked"]?.GetValue<bool>() ?? false, latest.ToJsonString());
        Assert.Equal(StixDraft.Timestamp(revoked.Modified), latest["modified"]!.GetValue<string>());
        var versions = await b[Isi].GetAsync($"/taxii2/concord/collections/{Everything}/objects/{first.Id}/versions/");
        Assert.Equal(3, versions.Json["versions"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_green_object_forwarded_by_the_recipient_reaches_a_third_node_with_the_originators_signature()
    {
        await using var f = await ThreeNodesAsync();
        var (a, b, c) = (f["node-a"], f["node-b"], f["node-c"]);
        var green = StixDraft.Report("green", parties: [Isi]) with { Tlp = TlpLevel.Green };
        await a[Fsb].ImportOkAsync(StixDraft.Bundle(green));
        await f.SyncAsync("node-a", "node-b");

        // B has already pushed to C past the stored version of the green report: a forward must still go out.
        var own = StixDraft.Report("B's own, for C", parties: [Mss]);
        await b[Isi].ImportOkAsync(StixDraft.Bundle(own));
        Assert.Equal(1, (await f.SyncAsync("node-b", "node-c")).Pushed);

        var forward = await b[Isi].ReleaseAsync(green.Id, parties: [Mss]);
        Assert.True(forward.Status == HttpStatusCode.NoContent, forward.ToString());
        var report = await f.SyncAsync("node-b", "node-c");

        Assert.Equal(0, report.Refused);
        var read = await c[Mss].GetAsync(ObjectPath(green.Id));
        Assert.True(read.Status == HttpStatusCode.OK, $"the forwarded object did not reach C: {read} (round: {report})");
        Assert.Equal(Fsb, read.Json["extensions"]![ConcordExtension.Id]!["originator"]!.GetValue<string>());

        // C holds A's signature, and passes the version on with it: it verifies against A's public key.
        var stored = await c.Store.Objects.GetLatestAsync(new Reader(PartyId.Parse(Mss), []), StixId.Parse(green.Id), CancellationToken.None);
        Assert.NotNull(stored);
        var signatures = await c.Store.Federation.GetSignaturesAsync([stored.Pk], CancellationToken.None);
        Assert.True(VersionSignature.Verify(a.Signer.PublicKey, signatures[stored.Pk], stored.Json.Span, PartyId.Parse(Fsb), stored.Distribution.Handling, stored.Grading));
        Assert.Empty(await c.Store.Federation.ListRefusalsAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task Amber_and_orcon_objects_cannot_be_forwarded_and_never_reach_a_third_node()
    {
        await using var f = await ThreeNodesAsync();
        var (a, b, c) = (f["node-a"], f["node-b"], f["node-c"]);
        var amber = StixDraft.Report("amber", parties: [Isi]) with { Tlp = TlpLevel.Amber };
        var orcon = StixDraft.Report("orcon", parties: [Isi]) with { Tlp = TlpLevel.Green, Caveats = ["ORCON"] };
        await a[Fsb].ImportOkAsync(StixDraft.Bundle(amber, orcon));
        await f.SyncAsync("node-a", "node-b");

        foreach (var item in new[] { amber, orcon })
        {
            var forward = await b[Isi].ReleaseAsync(item.Id, parties: [Mss]);
            Assert.True(forward.Status == HttpStatusCode.Forbidden, forward.ToString());
        }

        await f.SyncAllAsync();

        Assert.Empty(await c.HeldIdsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await c[Mss].GetAsync(ObjectPath(amber.Id))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await c[Mss].GetAsync(ObjectPath(orcon.Id))).Status);
    }

    [Fact]
    public async Task A_relayed_amber_version_posted_by_another_node_is_refused_as_forward_forbidden()
    {
        await using var f = await ThreeNodesAsync();
        var (a, c) = (f["node-a"], f["node-c"]);
        var amber = StixDraft.Report("amber", parties: [Isi]) with { Tlp = TlpLevel.Amber };
        var green = StixDraft.Report("green", parties: [Isi]) with { Tlp = TlpLevel.Green };
        await a[Fsb].ImportOkAsync(StixDraft.Bundle(amber, green));
        await f.SyncAsync("node-a", "node-b");

        // What B holds, signed by A, with C's party written into the (unsigned) release, posted by B to C itself.
        using var toC = f.SyncClient("node-b", "node-c");
        var relayedAmber = await SignedCopyAsync(f["node-b"][Isi].Http, amber.Id, Mss);
        var relayedGreen = await SignedCopyAsync(f["node-b"][Isi].Http, green.Id, Mss);

        var refused = await PostEnvelopeAsync(toC, relayedAmber);
        Assert.Equal(1, refused["failure_count"]!.GetValue<int>());
        Assert.StartsWith("forward-forbidden", refused["failures"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await c.HeldIdsAsync());
        Assert.Contains(await c.Store.Federation.ListRefusalsAsync(10, CancellationToken.None), r => r.Reason == IngestRefusal.ForwardForbidden && r.ObjectId == amber.Id && r.Node == f["node-b"].Id);

        // The same relay of a green version is accepted: the refusal is the rule, not the harness.
        var accepted = await PostEnvelopeAsync(toC, relayedGreen);
        Assert.True(accepted["success_count"]!.GetValue<int>() == 1, accepted.ToJsonString());
        Assert.Equal([green.Id], await c.HeldIdsAsync());
    }

    [Fact]
    public async Task A_withdrawn_object_relayed_by_a_node_the_withdrawal_has_not_reached_yet_does_not_stay_at_a_third_node()
    {
        await using var f = await ThreeNodesAsync();
        var (b, c) = (f["node-b"], f["node-c"]);
        await f.AddChannelAsync("all-three", Fsb, Isi, Mss);
        var item = StixDraft.Report("released to all three, then withdrawn", channels: ["all-three"]) with { Tlp = TlpLevel.Green };
        await f["node-a"][Fsb].ImportOkAsync(StixDraft.Bundle(item));
        await f.SyncAsync("node-a", "node-b");
        await new Withdrawals(f["node-a"].Store).WithdrawAsync(await f["node-a"].ActorAsync(Fsb), StixId.Parse(item.Id), null, CancellationToken.None);

        await f.SyncAsync("node-a", "node-c");
        await f.SyncAsync("node-b", "node-c");
        await f.SyncAllAsync();

        Assert.DoesNotContain(item.Id, await b.HeldIdsAsync());
        Assert.DoesNotContain(item.Id, await c.HeldIdsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await c[Mss].GetAsync(ObjectPath(item.Id))).Status);
    }

    [Fact]
    public async Task Unsigned_forged_and_impersonating_arrivals_are_refused_with_their_reason_and_nothing_is_stored()
    {
        await using var f = await FederatedNodes.StartAsync(false, new NodeSpec("node-a", Fsb), new NodeSpec("node-b", Isi), new NodeSpec("node-c", Mss));
        var (a, b) = (f["node-a"], f["node-b"]);
        var item = StixDraft.Report("signed by A", parties: [Isi]);
        await a[Fsb].ImportOkAsync(StixDraft.Bundle(item));

        // The version exactly as A would push it to B (A's TAXII read as B's sync member), signature included.
        using var asB = f.SyncClient("node-b", "node-a");
        var signed = await SignedCopyAsync(asB, item.Id, null);
        Assert.NotNull(signed["extensions"]![ConcordExtension.Id]!["signature"]);

        var unsigned = signed.DeepClone().AsObject();
        Ext(unsigned).Remove("signature");
        var flipped = signed.DeepClone().AsObject();
        var bytes = Convert.FromBase64String(Ext(flipped)["signature"]!.GetValue<string>());
        bytes[10] ^= 0x01;
        Ext(flipped)["signature"] = Convert.ToBase64String(bytes);
        var tampered = signed.DeepClone().AsObject();
        tampered["name"] = "changed on the way";
        var claimsHere = signed.DeepClone().AsObject();
        Ext(claimsHere)["originator"] = Isi;
        var claimsC = await SignedAsAsync(a, item.Id, Mss, signed);

        using var asA = f.SyncClient("node-a", "node-b");
        var cases = new (string Name, JsonObject Object, IngestRefusal Reason)[]
        {
            ("unsigned", unsigned, IngestRefusal.Unsigned),
            ("flipped signature byte", flipped, IngestRefusal.BadSignature),
            ("content changed after signing", tampered, IngestRefusal.BadSignature),
            ("claims a party hosted on B", claimsHere, IngestRefusal.Impersonation),
            ("claims a party of node C, signed with A's key", claimsC, IngestRefusal.Impersonation),
        };
        foreach (var (name, obj, reason) in cases)
        {
            var status = await PostEnvelopeAsync(asA, obj);
            Assert.True(status["failure_count"]!.GetValue<int>() == 1 && status["success_count"]!.GetValue<int>() == 0, $"{name}: {status.ToJsonString()}");
            var message = status["failures"]![0]!["message"]!.GetValue<string>();
            Assert.True(message.StartsWith(IngestRefusals.Token(reason) + ":", StringComparison.Ordinal), $"{name}: {message}");
            Assert.Equal(item.Id, status["failures"]![0]!["id"]!.GetValue<string>());
        }

        var refusals = await b.Store.Federation.ListRefusalsAsync(10, CancellationToken.None);
        Assert.Equal(cases.Select(c => c.Reason).Reverse(), refusals.Select(r => r.Reason));
        Assert.All(refusals, r => Assert.Equal(a.Id, r.Node));
        Assert.Empty(await b.HeldIdsAsync());
        Assert.Equal(0, await b[Isi].CountAsync());

        // The untouched copy goes in: every refusal above was for what was changed.
        var ok = await PostEnvelopeAsync(asA, signed);
        Assert.True(ok["success_count"]!.GetValue<int>() == 1, ok.ToJsonString());
        Assert.Equal([item.Id], await b.HeldIdsAsync());
    }

    [Fact]
    public async Task A_partner_that_was_down_gets_everything_once_when_it_is_back()
    {
        await using var f = await TwoNodesAsync();
        var (a, b) = (f["node-a"], f["node-b"]);
        var before = StixDraft.Report("before the outage", channels: [Jwg]);
        await a[Fsb].ImportOkAsync(StixDraft.Bundle(before));
        await f.SyncAsync("node-a", "node-b");
        var cursor = await a.Store.Federation.GetCursorAsync(b.Id, "push:" + Isi, CancellationToken.None);
        Assert.NotNull(cursor);

        await f.StopAsync("node-b");
        var during = Enumerable.Range(0, 3).Select(i => StixDraft.Report($"during the outage {i}", channels: [Jwg])).ToArray();
        await a[Fsb].ImportOkAsync(StixDraft.Bundle(during));

        await Assert.ThrowsAsync<HttpRequestException>(() => f.SyncAsync("node-a", "node-b"));
        Assert.Equal(cursor, await a.Store.Federation.GetCursorAsync(b.Id, "push:" + Isi, CancellationToken.None));

        await f.RestartAsync("node-b");
        var report = await f.SyncAsync("node-a", "node-b");

        Assert.Equal(3, report.Pushed);
        Assert.Equal(0, (await f.SyncAsync("node-a", "node-b")).Pushed);
        var held = await b.HeldAsync();
        Assert.Equal(4, held.Count);
        Assert.Equal(held.Distinct().Count(), held.Count);
        Assert.Equal(4, await b[Isi].CountAsync());
        foreach (var d in during.Append(before))
        {
            Assert.Equal(HttpStatusCode.OK, (await b[Isi].GetAsync(ObjectPath(d.Id))).Status);
        }
    }

    [Fact]
    public async Task With_sync_running_an_import_reaches_the_partner_without_a_manual_round()
    {
        await using var f = await TwoNodesAsync(sync: true);
        var (a, b) = (f["node-a"], f["node-b"]);
        var item = StixDraft.Report("pushed on publish", channels: [Jwg]);

        await a[Fsb].ImportOkAsync(StixDraft.Bundle(item));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        Answer read;
        do
        {
            read = await b[Isi].GetAsync(ObjectPath(item.Id));
            if (read.Status == HttpStatusCode.OK)
            {
                break;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.True(read.Status == HttpStatusCode.OK, $"not at B after 15 s: {read}");
        Assert.Equal(item.Name, read.Json["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await b[Ib].GetAsync(ObjectPath(item.Id))).Status);
    }

    private static JsonObject Ext(JsonObject obj) => obj["extensions"]![ConcordExtension.Id]!.AsObject();

    /// <summary>A version as a node's TAXII server gives it (with its signature), its release replaced by one party when given.</summary>
    private static async Task<JsonObject> SignedCopyAsync(HttpClient reader, string id, string? releaseTo)
    {
        using var response = await reader.GetAsync(new Uri(TaxiiObjectPath(id), UriKind.Relative));
        var answer = await Answer.ReadAsync(response);
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        var obj = answer.Json["objects"]![0]!.AsObject().DeepClone().AsObject();
        if (releaseTo is not null)
        {
            Ext(obj)["release"] = new JsonObject { ["channels"] = new JsonArray(), ["parties"] = new JsonArray(releaseTo) };
        }

        return obj;
    }

    /// <summary>The copy claiming another originator, signed with the sending node's real key for that claim.</summary>
    private static async Task<JsonObject> SignedAsAsync(FederatedNode signer, string id, string originator, JsonObject copy)
    {
        var identity = await signer.Store.Federation.GetIdentityAsync(CancellationToken.None);
        using var key = NodeKey.FromSeed(identity!.Seed);
        var stored = await signer.Store.Objects.GetLatestAsync(new Reader(PartyId.Parse(Fsb), []), StixId.Parse(id), CancellationToken.None);
        var signature = VersionSignature.Sign(key, stored!.Json.Span, PartyId.Parse(originator), stored.Distribution.Handling, stored.Grading);
        var claim = copy.DeepClone().AsObject();
        Ext(claim)["originator"] = originator;
        Ext(claim)["signature"] = Convert.ToBase64String(signature);
        return claim;
    }

    private static async Task<JsonObject> PostEnvelopeAsync(HttpClient client, params JsonObject[] objects)
    {
        using var content = new StringContent(new JsonObject { ["objects"] = new JsonArray([.. objects.Select(o => (JsonNode)o.DeepClone())]) }.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/taxii+json;version=2.1");
        using var response = await client.PostAsync(new Uri($"/taxii2/concord/collections/{Everything}/objects/", UriKind.Relative), content);
        var answer = await Answer.ReadAsync(response);
        Assert.True(answer.Status == HttpStatusCode.Accepted, answer.ToString());
        return answer.Json.AsObject();
    }
}
