using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Concord.Server.Taxii;

/// <summary>The TAXII 2.1 media types, content negotiation and error messages.</summary>
internal static class TaxiiMedia
{
    /// <summary>The media type of every TAXII 2.1 resource.</summary>
    public const string Taxii = "application/taxii+json;version=2.1";

    /// <summary>The media type of the STIX objects listed in manifests.</summary>
    public const string Stix = "application/stix+json;version=2.1";

    /// <summary>True when the request's Accept header admits TAXII 2.1 (or says nothing).</summary>
    public static bool Accepts(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        if (accept.Length == 0)
        {
            return true;
        }

        foreach (var part in accept.Split(','))
        {
            var type = part.Split(';')[0].Trim();
            var version = part.Contains("version=", StringComparison.OrdinalIgnoreCase) ? part[(part.IndexOf("version=", StringComparison.OrdinalIgnoreCase) + 8)..].Split(';')[0].Trim() : null;
            if (type is "*/*" or "application/*" or "application/json")
            {
                return true;
            }

            if (type.Equals("application/taxii+json", StringComparison.OrdinalIgnoreCase) && (version is null || version == "2.1"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a request body is declared as TAXII 2.1 (or plain JSON).</summary>
    public static bool IsTaxiiBody(HttpRequest request)
    {
        var type = request.ContentType ?? string.Empty;
        var media = type.Split(';')[0].Trim();
        if (media.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return media.Equals("application/taxii+json", StringComparison.OrdinalIgnoreCase)
            && (!type.Contains("version=", StringComparison.OrdinalIgnoreCase) || type.Contains("version=2.1", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Writes a TAXII error message resource.</summary>
    public static async Task ErrorAsync(HttpContext context, int status, string title, string description)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = Taxii;
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("title", title);
        writer.WriteString("description", description);
        writer.WriteString("http_status", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }

    /// <summary>A TAXII answer written by <paramref name="write"/>.</summary>
    public static async Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = Taxii;
        await using var writer = new Utf8JsonWriter(context.Response.Body, Storage.Access.StixOutput.WriterOptions);
        write(writer);
        await writer.FlushAsync(context.RequestAborted);
    }
}
