using System.Reflection;
using System.Text.Json;
using Concord.Domain.Releasability;
using Concord.Storage.Access;
using Concord.Storage.Objects;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Builder;

namespace Concord.Server.Objects;

/// <summary>
/// A 200 answer whose body is STIX JSON written for one reader: a single object, a list page
/// (<c>{"objects":[…],"next":…}</c>) or a version history (<c>{"id":…,"versions":[…]}</c>).
/// </summary>
internal sealed class StixJsonResult : IResult, IEndpointMetadataProvider
{
    private readonly Action<Utf8JsonWriter> _write;

    private StixJsonResult(Action<Utf8JsonWriter> write) => _write = write;

    public static StixJsonResult Object(StoredVersion version, Reader reader) => new(w => StixOutput.WriteObject(w, version, reader));

    public static StixJsonResult Page(ObjectPage page, Reader reader, Cursor cursors) => new(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("objects");
        foreach (var v in page.Items)
        {
            StixOutput.WriteObject(w, v, reader);
        }

        w.WriteEndArray();
        if (page.Next is { } next)
        {
            w.WriteString("next", cursors.Seal(next));
        }
        else
        {
            w.WriteNull("next");
        }

        w.WriteEndObject();
    });

    public static StixJsonResult History(string id, IReadOnlyList<StoredVersion> versions, Reader reader) => new(w =>
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteStartArray("versions");
        foreach (var v in versions)
        {
            StixOutput.WriteObject(w, v, reader);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(httpContext.Response.Body, StixOutput.WriterOptions);
        _write(writer);
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(JsonElement), ["application/json"]));
    }
}
