using System.Globalization;
using System.Text.Json;
using Concord.Domain.Directory;
using Concord.Domain.Federation;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Server.Taxii;
using Concord.Storage;
using Concord.Storage.Access;
using Concord.Storage.Audit;
using Concord.Storage.Federation;
using Concord.Storage.Objects;
using Microsoft.Extensions.Logging;

namespace Concord.Server.Federation;

/// <summary>
/// One round of federation with one peer: withdrawals still owed to it, then a push of every version its parties may
/// read that it does not have yet, then (when configured) a pull of what it released to this node. Each page is taken
/// by the receiver in one transaction and the sender's cursor moves only after the receiver said so, so a kill of
/// either side at any moment loses nothing and the repeat is idempotent. Cursors are store keys (push) and the peer's
/// own <c>next</c> / <c>added_after</c> (pull): only what is new is sent or fetched.
/// </summary>
public sealed class SyncEngine(IConcordStore store, NodeSigner signer, ILogger logger)
{
    /// <summary>Objects per page pulled (a TAXII server's own limit caps it), and release changes per round trip.</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>
    /// Objects per page pushed, one POST each. The receiver takes a page in one transaction, and SQLite's cost per
    /// object falls steeply with the size of the transaction on a large store (see docs/BENCHMARKS.md).
    /// </summary>
    public int PushPageSize { get; init; } = DefaultPushPageSize;

    /// <summary>The default <see cref="PushPageSize"/>.</summary>
    public const int DefaultPushPageSize = 10_000;

    /// <summary>How many ids of a pushed page its audit entry names.</summary>
    private const int AuditedIds = 20;

    /// <summary>Synchronises with one peer once and reports what moved.</summary>
    public async Task<SyncReport> SyncAsync(Peer peer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        using var client = new TaxiiClient(peer);
        var parties = (await store.Directory.ListPartiesAsync(cancellationToken)).ToDictionary(p => p.Id);
        long withdrawals = 0, pushed = 0, pulled = 0, refused = 0;
        if (peer.Push && peer.Credential is not null)
        {
            withdrawals = await DeliverWithdrawalsAsync(peer, client, cancellationToken);
            foreach (var party in parties.Values.Where(p => p.Node == peer.Node).OrderBy(p => p.Id.Value, StringComparer.Ordinal))
            {
                var (sent, rejected) = await PushAsync(peer, party, parties, client, cancellationToken);
                var (widened, widenRejected) = await PushWidenedAsync(peer, party, parties, client, cancellationToken);
                pushed += sent + widened;
                refused += rejected + widenRejected;
            }
        }

        if (peer.Pull && peer.Credential is not null)
        {
            var (taken, rejected) = await PullAsync(peer, client, cancellationToken);
            pulled += taken;
            refused += rejected;
        }

        var report = new SyncReport(peer.Node, pushed, pulled, withdrawals, refused);
        if (pushed + pulled + withdrawals + refused > 0)
        {
            FederationLog.Synced(logger, peer.Node.Value, pushed, pulled, withdrawals, refused);
        }

        return report;
    }

    private async Task<long> DeliverWithdrawalsAsync(Peer peer, TaxiiClient client, CancellationToken cancellationToken)
    {
        long delivered = 0;
        while (true)
        {
            var owed = await store.Federation.ListWithdrawalsAsync(peer.Node, 100, cancellationToken);
            if (owed.Count == 0)
            {
                return delivered;
            }

            foreach (var w in owed)
            {
                var query = string.Join('&', w.Withdrawn.Parties.Select(p => "withdraw_party=" + p.Value).Concat(w.Withdrawn.Channels.Select(c => "withdraw_channel=" + c.Value)));
                // A 404 means the peer no longer holds it: nothing left to purge, so the notice is done either way.
                await client.DeleteObjectAsync(TaxiiCollections.Everything, w.ObjectId.ToString(), query, cancellationToken);
                await store.Federation.RemoveWithdrawalAsync(w.Seq, cancellationToken);
                delivered++;
            }
        }
    }

    private async Task<(long Sent, long Refused)> PushAsync(Peer peer, Party party, IReadOnlyDictionary<PartyId, Party> parties, TaxiiClient client, CancellationToken cancellationToken)
    {
        var stream = "push:" + party.Id.Value;
        var reader = new Reader(party.Id, await store.Directory.ListChannelsOfAsync(party.Id, cancellationToken));
        var after = long.TryParse(await store.Federation.GetCursorAsync(peer.Node, stream, cancellationToken), NumberStyles.None, CultureInfo.InvariantCulture, out var saved) ? saved : 0;
        long sent = 0, refused = 0;
        // While one page is with the peer, the next is read, signed and rendered here: the two nodes work at once.
        // Only the cursor says what the peer has, and it still moves only after the peer's answer for that page.
        Task<PushPage?>? next = null;
        try
        {
            var page = await RenderPushPageAsync(peer, reader, parties, after, cancellationToken);
            while (page is not null)
            {
                var last = page.Last;
                next = page.More ? Task.Run(() => RenderPushPageAsync(peer, reader, parties, last, cancellationToken), cancellationToken) : null;
                if (page.Envelope is { } envelope)
                {
                    using (envelope)
                    {
                        refused += await PostAsync(peer, party, page.Count, page.FirstIds, envelope.Written, client, cancellationToken);
                    }

                    sent += page.Count;
                }

                await store.Federation.SetCursorAsync(peer.Node, stream, last.ToString(CultureInfo.InvariantCulture), cancellationToken);
                page = next is null ? null : await next;
                next = null;
            }

            return (sent, refused);
        }
        finally
        {
            if (next is not null)
            {
                // The push stopped (the peer failed, or cancellation): the page being prepared is not needed, nor its error.
                await ((Task)next).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (next.IsCompletedSuccessfully)
                {
                    next.Result?.Envelope?.Dispose();
                }
            }
        }
    }

    /// <summary>
    /// Pushes versions stored before the push cursor whose release was widened since (a forward, a wider release) and
    /// that the peer's party may now read. The receiver merges the wider release into the version it may already hold.
    /// </summary>
    private async Task<(long Sent, long Refused)> PushWidenedAsync(Peer peer, Party party, IReadOnlyDictionary<PartyId, Party> parties, TaxiiClient client, CancellationToken cancellationToken)
    {
        var stream = "widen:" + party.Id.Value;
        var reader = new Reader(party.Id, await store.Directory.ListChannelsOfAsync(party.Id, cancellationToken));
        var pushed = long.TryParse(await store.Federation.GetCursorAsync(peer.Node, "push:" + party.Id.Value, cancellationToken), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0;
        var after = long.TryParse(await store.Federation.GetCursorAsync(peer.Node, stream, cancellationToken), NumberStyles.None, CultureInfo.InvariantCulture, out var saved) ? saved : 0;
        long sent = 0, refused = 0;
        while (true)
        {
            var changes = await store.Federation.ListReleaseChangesAsync(after, PageSize, cancellationToken);
            if (changes.Count == 0)
            {
                return (sent, refused);
            }

            var outgoing = new List<StoredVersion>();
            foreach (var group in changes.Where(c => c.VersionPk <= pushed).GroupBy(c => c.ObjectId))
            {
                var wanted = group.Select(c => c.VersionPk).ToHashSet();
                outgoing.AddRange((await store.Objects.GetVersionsAsync(reader, group.Key, cancellationToken)).Where(v => wanted.Contains(v.Pk) && Sends(v, peer, parties)));
            }

            if (outgoing.Count > 0)
            {
                var signatures = await signer.SignaturesAsync(outgoing, parties, store, cancellationToken);
                using var envelope = Envelope(outgoing, signatures, reader);
                refused += await PostAsync(peer, party, outgoing.Count, outgoing.Take(AuditedIds).Select(v => v.Id.ToString()).ToList(), envelope.Written, client, cancellationToken);
                sent += outgoing.Count;
            }

            after = changes[^1].Seq;
            await store.Federation.SetCursorAsync(peer.Node, stream, after.ToString(CultureInfo.InvariantCulture), cancellationToken);
        }
    }

    /// <summary>POSTs one rendered page and audits what went; returns how many the peer refused.</summary>
    private async Task<long> PostAsync(Peer peer, Party party, int count, IReadOnlyList<string> firstIds, ReadOnlyMemory<byte> envelope, TaxiiClient client, CancellationToken cancellationToken)
    {
        using var status = await client.PostObjectsAsync(TaxiiCollections.Everything, envelope, cancellationToken);
        await store.Audit.AppendAsync(
            new AuditRecord(DateTimeOffset.UtcNow, "node:" + peer.Node.Value, party.Id.Value, "federation-push", null, null,
                string.Create(CultureInfo.InvariantCulture, $"sent={count} ids={string.Join(',', firstIds)}")),
            cancellationToken);
        return status.Document.RootElement.TryGetProperty("failure_count", out var f) && f.TryGetInt64(out var n) ? n : 0;
    }

    /// <summary>
    /// The next page of a push, as it is sent: the versions after store position <paramref name="after"/> that
    /// <paramref name="reader"/>'s party may read, those of them that go to the peer, signed and rendered for that party
    /// as a TAXII envelope (none when no version of the page goes). Null when nothing is left.
    /// </summary>
    internal async Task<PushPage?> RenderPushPageAsync(Peer peer, Reader reader, IReadOnlyDictionary<PartyId, Party> parties, long after, CancellationToken cancellationToken)
    {
        // Read, signed and rendered a store listing (≤ 1,000 versions, one signed batch) at a time, straight into the
        // envelope: only one listing's versions are alive at once, however large the page.
        var envelope = new EnvelopeBuffer(Math.Min(PushPageSize, ObjectQuery.MaxLimit) * 2048);
        var firstIds = new List<string>(AuditedIds);
        var read = 0;
        var count = 0;
        var last = after;
        var more = true;
        try
        {
            using (var writer = new Utf8JsonWriter(envelope, StixOutput.WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteStartArray("objects");
                while (read < PushPageSize)
                {
                    var listing = await store.Objects.ListAsync(reader, new ObjectQuery { AllVersions = true, After = last, Limit = Math.Min(PushPageSize - read, ObjectQuery.MaxLimit) }, cancellationToken);
                    if (listing.Items.Count == 0)
                    {
                        more = false;
                        break;
                    }

                    read += listing.Items.Count;
                    last = listing.Items[^1].Pk;
                    var outgoing = listing.Items.Where(v => Sends(v, peer, parties)).ToList();
                    if (outgoing.Count > 0)
                    {
                        var signatures = await signer.SignaturesAsync(outgoing, parties, store, cancellationToken);
                        for (var i = 0; i < outgoing.Count; i++)
                        {
                            StixOutput.WriteObject(writer, outgoing[i], reader, signatures[i]);
                        }

                        count += outgoing.Count;
                        firstIds.AddRange(outgoing.Take(AuditedIds - firstIds.Count).Select(v => v.Id.ToString()));
                    }

                    if (listing.Next is null)
                    {
                        more = false;
                        break;
                    }
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }
        }
        catch
        {
            envelope.Dispose();
            throw;
        }

        if (read == 0 || count == 0)
        {
            envelope.Dispose();
            return read == 0 ? null : new PushPage(0, [], null, last, more);
        }

        return new PushPage(count, firstIds, envelope, last, more);
    }

    /// <summary>
    /// Whether a version the peer's party may read goes to the peer: this node's own parties' versions do; the peer's
    /// own never go back; a third node's pass on only where TLP and caveats allow onward release (that node sends the
    /// rest itself).
    /// </summary>
    internal static bool Sends(StoredVersion version, Peer peer, IReadOnlyDictionary<PartyId, Party> parties)
    {
        var d = version.Distribution;
        if (!parties.TryGetValue(d.Originator, out var originator) || originator.IsLocal)
        {
            return true;
        }

        return originator.Node != peer.Node && !d.Handling.ForbidsOnwardRelease && d.EffectiveTlp <= TlpLevel.Green;
    }

    private static EnvelopeBuffer Envelope(List<StoredVersion> versions, byte[]?[] signatures, Reader reader)
    {
        // Sized for the page up front (each version's JSON plus its extension and signature), in a pooled array.
        var buffer = new EnvelopeBuffer(versions.Sum(v => v.Json.Length + 1024) + 64);
        using (var w = new Utf8JsonWriter(buffer, StixOutput.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteStartArray("objects");
            for (var i = 0; i < versions.Count; i++)
            {
                StixOutput.WriteObject(w, versions[i], reader, signatures[i]);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer;
    }

    private async Task<(long Taken, long Refused)> PullAsync(Peer peer, TaxiiClient client, CancellationToken cancellationToken)
    {
        var collections = await client.ReadableCollectionsAsync(cancellationToken);
        // A Concord peer's "everything" collection holds all its other collections hold for this node.
        var chosen = collections.Any(c => c.Id == TaxiiCollections.Everything) ? [TaxiiCollections.Everything] : collections.Select(c => c.Id).ToList();
        long taken = 0, refused = 0;
        foreach (var collection in chosen)
        {
            var stream = "pull:" + collection;
            var state = PullCursor.Parse(await store.Federation.GetCursorAsync(peer.Node, stream, cancellationToken));
            while (true)
            {
                TaxiiResponse page;
                try
                {
                    page = await client.GetObjectsAsync(collection, state.Query(PageSize), cancellationToken);
                }
                catch (TaxiiException ex) when (state.Next is not null && ex.Status is System.Net.HttpStatusCode.BadRequest)
                {
                    // A server whose paging tokens do not outlive a session: resume from the last date added instead.
                    state = state with { Next = null };
                    continue;
                }

                using (page)
                {
                    var root = page.Document.RootElement;
                    var objects = root.TryGetProperty("objects", out var o) && o.ValueKind == JsonValueKind.Array ? o.EnumerateArray().ToList() : [];
                    if (objects.Count > 0)
                    {
                        var ingest = await FederatedIngest.StartAsync(store, peer.Node, cancellationToken);
                        var report = await ingest.IngestAsync(objects, cancellationToken);
                        taken += report.Inserted;
                        refused += report.Problems.Count;
                        foreach (var problem in report.Problems)
                        {
                            FederationLog.Refused(logger, peer.Node.Value, problem.Refusal.ObjectId ?? "-", IngestRefusals.Token(problem.Refusal.Reason), problem.Refusal.Detail);
                        }
                    }

                    var more = root.TryGetProperty("more", out var m) && m.ValueKind == JsonValueKind.True;
                    var next = root.TryGetProperty("next", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                    // A server that gives no next (or one only while more is true) is resumed from the last date added.
                    state = new PullCursor(next, page.DateAddedLast ?? state.AddedAfter);
                    await store.Federation.SetCursorAsync(peer.Node, stream, state.ToString(), cancellationToken);
                    if (!more)
                    {
                        break;
                    }
                }
            }
        }

        return (taken, refused);
    }

    /// <summary>Where a pull resumes: the peer's <c>next</c> when it gave one, else the last <c>date_added</c> seen.</summary>
    private sealed record PullCursor(string? Next, string? AddedAfter)
    {
        public static PullCursor Parse(string? text)
        {
            if (text is null)
            {
                return new PullCursor(null, null);
            }

            var parts = text.Split('\n');
            return new PullCursor(parts[0].Length == 0 ? null : parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null);
        }

        public string Query(int limit)
        {
            var query = $"match[version]=all&limit={limit.ToString(CultureInfo.InvariantCulture)}";
            if (Next is not null)
            {
                return query + "&next=" + Uri.EscapeDataString(Next);
            }

            return AddedAfter is null ? query : query + "&added_after=" + Uri.EscapeDataString(AddedAfter);
        }

        public override string ToString() => $"{Next}\n{AddedAfter}";
    }
}

/// <summary>What one round with one peer moved.</summary>
/// <param name="Node">The peer.</param>
/// <param name="Pushed">Versions sent.</param>
/// <param name="Pulled">New versions taken in.</param>
/// <param name="Withdrawals">Withdrawals delivered.</param>
/// <param name="Refused">Versions refused (by the peer, or here).</param>
public sealed record SyncReport(NodeId Node, long Pushed, long Pulled, long Withdrawals, long Refused);

/// <summary>One page of a push, ready to send.</summary>
/// <param name="Count">How many versions of the page go to the peer.</param>
/// <param name="FirstIds">The ids of the first of them, for the audit trail.</param>
/// <param name="Envelope">Those versions signed and rendered as a TAXII envelope; null when none goes.</param>
/// <param name="Last">The store position of the page's last version (where the push cursor moves once it is sent).</param>
/// <param name="More">Whether more versions follow.</param>
internal sealed record PushPage(int Count, IReadOnlyList<string> FirstIds, EnvelopeBuffer? Envelope, long Last, bool More);
