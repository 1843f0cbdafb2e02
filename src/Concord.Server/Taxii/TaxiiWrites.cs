using System.Text.Json;
using Concord.Domain.Federation;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Server.Auth;
using Concord.Server.Federation;
using Concord.Storage;
using Concord.Storage.Federation;
using Concord.Storage.Import;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Concord.Server.Taxii;

/// <summary>
/// TAXII writes. A POST from a member of a party hosted here is an import by that party (into a channel's collection:
/// released to the channel). A POST from a member of a partner's party is federation: each version is checked
/// against <see cref="IngestRule"/> — signed by the node hosting its originator, released to a party here — and
/// refusals are logged and counted. A DELETE withdraws an object from everyone its originator had released it to:
/// allowed only to the originator (here), or to the node hosting the originator (a peer telling this node to purge).
/// </summary>
internal static class TaxiiWrites
{
    public static async Task PostAsync(string collectionId, HttpContext context, IConcordStore store, Importer importer, TaxiiStatuses statuses, SyncSignal signal, ILoggerFactory loggers)
    {
        var actor = context.Actor();
        var reader = actor.RequireReader();
        var collection = await TaxiiCollections.FindAsync(store, reader, collectionId, context.RequestAborted);
        if (collection is null)
        {
            await TaxiiApi.NoCollectionAsync(context);
            return;
        }

        if (!TaxiiMedia.IsTaxiiBody(context.Request))
        {
            await TaxiiMedia.ErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"send the envelope as {TaxiiMedia.Taxii}");
            return;
        }

        JsonDocument envelope;
        try
        {
            envelope = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
        }
        catch (JsonException ex)
        {
            await TaxiiMedia.ErrorAsync(context, StatusCodes.Status400BadRequest, "Bad request", $"malformed JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}");
            return;
        }

        using (envelope)
        {
            if (envelope.RootElement.ValueKind != JsonValueKind.Object || !envelope.RootElement.TryGetProperty("objects", out var objects) || objects.ValueKind != JsonValueKind.Array)
            {
                await TaxiiMedia.ErrorAsync(context, StatusCodes.Status400BadRequest, "Bad request", "/objects: a TAXII envelope needs an \"objects\" array");
                return;
            }

            var items = objects.EnumerateArray().ToList();
            var party = await store.Directory.GetPartyAsync(reader.Party, context.RequestAborted);
            var status = party?.Node is { } sender
                ? await IngestAsync(store, sender, items, reader.Party, loggers.CreateLogger("Concord.Federation"), context.RequestAborted)
                : await ImportAsync(importer, actor, collection, items, context.RequestAborted);
            statuses.Add(status);
            if (status.Successes.Count > 0)
            {
                signal.Notify();
            }

            await TaxiiMedia.WriteAsync(context, StatusCodes.Status202Accepted, status.Write);
        }
    }

    private static async Task<TaxiiStatus> IngestAsync(IConcordStore store, NodeId sender, List<JsonElement> items, PartyId party, ILogger logger, CancellationToken cancellationToken)
    {
        var ingest = await FederatedIngest.StartAsync(store, sender, cancellationToken);
        var report = await ingest.IngestAsync(items, cancellationToken);
        var refused = report.Problems.Select(p => p.Index).ToHashSet();
        foreach (var problem in report.Problems)
        {
            FederationLog.Refused(logger, sender.Value, problem.Refusal.ObjectId ?? "-", IngestRefusals.Token(problem.Refusal.Reason), problem.Refusal.Detail);
        }

        return new TaxiiStatus(
            Guid.NewGuid().ToString(), party, DateTimeOffset.UtcNow,
            items.Select((e, i) => (e, i)).Where(x => !refused.Contains(x.i)).Select(x => (IdOf(x.e) ?? "unknown", VersionOf(x.e))).ToList(),
            report.Problems.Select(p => ((string?)p.Refusal.ObjectId, $"{IngestRefusals.Token(p.Refusal.Reason)}: {p.Refusal.Detail}")).ToList());
    }

    private static async Task<TaxiiStatus> ImportAsync(Importer importer, Storage.Access.Actor actor, TaxiiCollection collection, List<JsonElement> items, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                item.WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        body.Position = 0;
        var release = collection.Channel is { } channel ? new Release([], [channel]) : Release.None;
        var report = await importer.ImportAsync(body, new ImportRequest(actor, release, Handling.None, null, false, "taxii"), null, cancellationToken);
        var failed = report.Problems.Where(p => p.Index >= 0).Select(p => p.Index).ToHashSet();
        return new TaxiiStatus(
            Guid.NewGuid().ToString(), actor.RequireReader().Party, DateTimeOffset.UtcNow,
            items.Select((e, i) => (e, i)).Where(x => !failed.Contains(x.i)).Select(x => (IdOf(x.e) ?? "unknown", VersionOf(x.e))).ToList(),
            report.Problems.Select(p => (p.Id, $"{p.Pointer}: {p.Message}")).ToList());
    }

    public static async Task DeleteAsync(string collectionId, string objectId, HttpContext context, IConcordStore store, Withdrawals withdrawals, SyncSignal signal)
    {
        var actor = context.Actor();
        var reader = actor.RequireReader();
        if (await TaxiiCollections.FindAsync(store, reader, collectionId, context.RequestAborted) is null)
        {
            await TaxiiApi.NoCollectionAsync(context);
            return;
        }

        if (!StixId.TryParse(objectId, out var id))
        {
            await TaxiiMedia.ErrorAsync(context, StatusCodes.Status400BadRequest, "Bad request", "the object id is not a STIX identifier (type--UUID)");
            return;
        }

        if (!TryTargets(context.Request.Query, out var targets, out var error))
        {
            await TaxiiMedia.ErrorAsync(context, StatusCodes.Status400BadRequest, "Bad request", error);
            return;
        }

        var party = await store.Directory.GetPartyAsync(reader.Party, context.RequestAborted);
        var outcome = party?.Node is { } sender
            ? await withdrawals.ApplyAsync(sender, id, targets, context.RequestAborted)
            : await withdrawals.WithdrawAsync(actor, id, targets, context.RequestAborted);
        if (outcome is null)
        {
            // Not the originator's (or not held from that node): the same answer as for an id that does not exist.
            await TaxiiMedia.ErrorAsync(context, StatusCodes.Status404NotFound, "Not found", "no object with this id that your party originated");
            return;
        }

        signal.Notify();
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>
    /// Concord's extension to DELETE: <c>withdraw_party</c> and <c>withdraw_channel</c> name what is taken out of the
    /// release; without them the object is withdrawn from everyone.
    /// </summary>
    private static bool TryTargets(IQueryCollection query, out Release? targets, out string error)
    {
        targets = null;
        error = string.Empty;
        var parties = new List<PartyId>();
        var channels = new List<ChannelId>();
        foreach (var text in query["withdraw_party"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!PartyId.TryParse(text, out var p))
            {
                error = $"withdraw_party: '{text}' is not a party id";
                return false;
            }

            parties.Add(p);
        }

        foreach (var text in query["withdraw_channel"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!ChannelId.TryParse(text, out var c))
            {
                error = $"withdraw_channel: '{text}' is not a channel id";
                return false;
            }

            channels.Add(c);
        }

        if (parties.Count + channels.Count > 0)
        {
            targets = new Release(parties, channels);
        }

        return true;
    }

    private static string? IdOf(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    private static string? VersionOf(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && (e.TryGetProperty("modified", out var m) || e.TryGetProperty("created", out m)) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
}
