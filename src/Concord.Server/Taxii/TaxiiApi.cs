using System.Globalization;
using System.Text.Json;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Server.Auth;
using Concord.Server.Hosting;
using Concord.Storage;
using Concord.Storage.Access;
using Concord.Storage.Objects;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;

namespace Concord.Server.Taxii;

/// <summary>
/// The TAXII 2.1 server at <c>/taxii2/</c>: discovery, one API root (<c>/taxii2/concord/</c>), the reader's collections
/// (see <see cref="TaxiiCollections"/>), objects, manifests, versions, DELETE for originators, and status resources.
/// Every read goes through <see cref="ObjectAccess"/> with the caller's reader, so the releasability rule decides every
/// page, count and 404, and each read is audited like any other.
/// </summary>
internal static class TaxiiApi
{
    public const string Root = "/taxii2/concord/";
    private const int MaxMatchedIds = 100;

    public static RouteGroupBuilder MapTaxii(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/taxii2")
            .RequireAuthorization(ConcordClaims.PartyMemberPolicy)
            .WithMetadata(new ReleasabilityGuardedAttribute())
            .AddEndpointFilter(async (context, next) =>
            {
                if (!TaxiiMedia.Accepts(context.HttpContext.Request))
                {
                    await TaxiiMedia.ErrorAsync(context.HttpContext, StatusCodes.Status406NotAcceptable, "Not acceptable", $"this server answers with {TaxiiMedia.Taxii}");
                    return Results.Empty;
                }

                return await next(context);
            })
            .ExcludeFromDescription();
        group.MapGet("/", DiscoveryAsync);
        group.MapGet("/concord/", ApiRootAsync);
        group.MapGet("/concord/status/{statusId}/", StatusAsync);
        group.MapGet("/concord/collections/", CollectionsAsync);
        group.MapGet("/concord/collections/{collectionId}/", CollectionAsync);
        group.MapGet("/concord/collections/{collectionId}/objects/", ObjectsAsync);
        group.MapPost("/concord/collections/{collectionId}/objects/", TaxiiWrites.PostAsync);
        group.MapGet("/concord/collections/{collectionId}/manifest/", ManifestAsync);
        group.MapGet("/concord/collections/{collectionId}/objects/{objectId}/", ObjectAsync);
        group.MapDelete("/concord/collections/{collectionId}/objects/{objectId}/", TaxiiWrites.DeleteAsync);
        group.MapGet("/concord/collections/{collectionId}/objects/{objectId}/versions/", VersionsAsync);
        return group;
    }

    private static Task DiscoveryAsync(HttpContext context) =>
        TaxiiMedia.WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("title", "Concord node");
            w.WriteString("description", "TAXII 2.1 for partner services: each collection holds exactly what its originators released to your party.");
            w.WriteString("default", Root);
            w.WriteStartArray("api_roots");
            w.WriteStringValue(Root);
            w.WriteEndArray();
            w.WriteEndObject();
        });

    private static Task ApiRootAsync(HttpContext context, ServerOptions options) =>
        TaxiiMedia.WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("title", "Concord");
            w.WriteString("description", "Intelligence released to your party, by collection.");
            w.WriteStartArray("versions");
            w.WriteStringValue(TaxiiMedia.Taxii);
            w.WriteEndArray();
            w.WriteNumber("max_content_length", options.MaxRequestBytes);
            w.WriteEndObject();
        });

    private static Task StatusAsync(string statusId, HttpContext context, TaxiiStatuses statuses)
    {
        var actor = context.Actor();
        return statuses.Find(statusId, actor.RequireReader().Party) is { } status
            ? TaxiiMedia.WriteAsync(context, StatusCodes.Status200OK, status.Write)
            : TaxiiMedia.ErrorAsync(context, StatusCodes.Status404NotFound, "Not found", "no status with this id");
    }

    private static async Task CollectionsAsync(HttpContext context, IConcordStore store)
    {
        var collections = await TaxiiCollections.ListAsync(store, context.Actor().RequireReader(), context.RequestAborted);
        await TaxiiMedia.WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("collections");
            foreach (var c in collections)
            {
                WriteCollection(w, c);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static async Task CollectionAsync(string collectionId, HttpContext context, IConcordStore store)
    {
        var collection = await TaxiiCollections.FindAsync(store, context.Actor().RequireReader(), collectionId, context.RequestAborted);
        if (collection is null)
        {
            await NoCollectionAsync(context);
            return;
        }

        await TaxiiMedia.WriteAsync(context, StatusCodes.Status200OK, w => WriteCollection(w, collection));
    }

    private static void WriteCollection(Utf8JsonWriter w, TaxiiCollection c)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Id);
        w.WriteString("title", c.Title);
        w.WriteString("description", c.Description);
        w.WriteBoolean("can_read", true);
        w.WriteBoolean("can_write", true);
        w.WriteStartArray("media_types");
        w.WriteStringValue(TaxiiMedia.Stix);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    internal static Task NoCollectionAsync(HttpContext context) =>
        TaxiiMedia.ErrorAsync(context, StatusCodes.Status404NotFound, "Not found", "no collection with this id is available to your party");

    private static Task ObjectsAsync(string collectionId, HttpContext context, IConcordStore store, ObjectAccess access, NodeContext node) =>
        ServeAsync(collectionId, null, context, store, access, node, Shape.Objects);

    private static Task ManifestAsync(string collectionId, HttpContext context, IConcordStore store, ObjectAccess access, NodeContext node) =>
        ServeAsync(collectionId, null, context, store, access, node, Shape.Manifest);

    private static Task ObjectAsync(string collectionId, string objectId, HttpContext context, IConcordStore store, ObjectAccess access, NodeContext node) =>
        ServeAsync(collectionId, objectId, context, store, access, node, Shape.Objects);

    private static Task VersionsAsync(string collectionId, string objectId, HttpContext context, IConcordStore store, ObjectAccess access, NodeContext node) =>
        ServeAsync(collectionId, objectId, context, store, access, node, Shape.Versions);

    private enum Shape
    {
        Objects,
        Manifest,
        Versions,
    }

    private static async Task ServeAsync(string collectionId, string? objectId, HttpContext context, IConcordStore store, ObjectAccess access, NodeContext node, Shape shape)
    {
        var actor = context.Actor();
        var reader = actor.RequireReader();
        var collection = await TaxiiCollections.FindAsync(store, reader, collectionId, context.RequestAborted);
        if (collection is null)
        {
            await NoCollectionAsync(context);
            return;
        }

        var cursor = await node.CursorAsync(context.RequestAborted);
        if (!TaxiiFilter.TryParse(context.Request.Query, objectId, shape == Shape.Versions, cursor, out var filter, out var error))
        {
            await TaxiiMedia.ErrorAsync(context, StatusCodes.Status400BadRequest, "Bad request", error);
            return;
        }

        var (items, more, last) = await ReadAsync(collection, filter, actor, access, store, context);
        if (objectId is not null && items.Count == 0 && filter.After is null)
        {
            await TaxiiMedia.ErrorAsync(context, StatusCodes.Status404NotFound, "Not found", "no object with this id is available to your party in this collection");
            return;
        }

        if (items.Count > 0)
        {
            context.Response.Headers["X-TAXII-Date-Added-First"] = TaxiiFilter.Timestamp(items[0].Added);
            context.Response.Headers["X-TAXII-Date-Added-Last"] = TaxiiFilter.Timestamp(items[^1].Added);
        }

        // A cursor is handed out whenever the caller could resume from it, not only when more is true: Concord peers
        // keep it to resume exactly where they stopped, with nothing fetched twice (added_after alone cannot tell
        // apart versions stored in the same instant).
        var next = last is { } l ? cursor.Seal(l) : filter.NextText;
        byte[]?[] signatures = shape == Shape.Objects
            ? await (await node.SignerAsync(context.RequestAborted)).SignaturesAsync(items, await node.PartiesAsync(context.RequestAborted), store, context.RequestAborted)
            : [];
        await TaxiiMedia.WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("more", more);
            if (next is not null)
            {
                w.WriteString("next", next);
            }

            switch (shape)
            {
                case Shape.Objects:
                    w.WriteStartArray("objects");
                    for (var i = 0; i < items.Count; i++)
                    {
                        StixOutput.WriteObject(w, items[i], reader, signatures[i]);
                    }

                    w.WriteEndArray();
                    break;
                case Shape.Manifest:
                    w.WriteStartArray("objects");
                    foreach (var v in items)
                    {
                        w.WriteStartObject();
                        w.WriteString("id", v.Id.ToString());
                        w.WriteString("date_added", TaxiiFilter.Timestamp(v.Added));
                        w.WriteString("version", v.Version.ToString());
                        w.WriteString("media_type", TaxiiMedia.Stix);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    break;
                default:
                    w.WriteStartArray("versions");
                    foreach (var v in items)
                    {
                        w.WriteStringValue(v.Version.ToString());
                    }

                    w.WriteEndArray();
                    break;
            }

            w.WriteEndObject();
        });
    }

    /// <summary>Reads one page of the collection for the filter: versions in store order, the page's "more", and its last store key.</summary>
    private static async Task<(List<StoredVersion> Items, bool More, long? Last)> ReadAsync(
        TaxiiCollection collection, TaxiiFilter filter, Actor actor, ObjectAccess access, IConcordStore store, HttpContext context)
    {
        var purpose = context.Purpose() ?? "taxii";
        if (filter.Ids.Count > 0)
        {
            // Named objects: their readable versions, each checked against the collection and the other filters.
            var found = new List<StoredVersion>();
            foreach (var id in filter.Ids.Take(MaxMatchedIds))
            {
                var versions = await access.GetVersionsAsync(actor, id, purpose, context.RequestAborted);
                found.AddRange(filter.Select(versions.Where(v => InCollection(v, collection)).ToList()));
            }

            var ordered = found.Where(v => filter.After is not { } after || v.Pk > after).OrderBy(v => v.Pk).ToList();
            var page = ordered.Take(filter.Limit).ToList();
            return (page, ordered.Count > page.Count, page.Count > 0 ? page[^1].Pk : null);
        }

        if (filter.Nothing)
        {
            return ([], false, null);
        }

        var query = new ObjectQuery
        {
            Channel = collection.Channel,
            Type = filter.Types.Count == 1 ? filter.Types.First() : null,
            AllVersions = filter.Version != TaxiiFilter.Last,
            AddedAfter = filter.AddedAfter,
            After = filter.After,
            Limit = filter.Limit,
        };
        var result = await access.ListAsync(actor, query, purpose, context.RequestAborted);
        var items = result.Items.ToList();
        var last = items.Count > 0 ? items[^1].Pk : (long?)null;
        var kept = items.Where(v => filter.Types.Count == 0 || filter.Types.Contains(v.Type)).ToList();
        if (filter.Version is not (TaxiiFilter.Last or TaxiiFilter.All))
        {
            kept = await filter.SelectAsync(kept, id => store.Objects.GetVersionsAsync(actor.RequireReader(), id, context.RequestAborted));
        }

        return (kept, result.Next is not null, last);
    }

    private static bool InCollection(StoredVersion v, TaxiiCollection collection) =>
        collection.Channel is not { } channel || v.Distribution.Release.Channels.Contains(channel);
}
