using Microsoft.AspNetCore.Mvc;

namespace Concord.Server.Objects;

/// <summary>The query-string filters of listing, counting and exporting, declared so the OpenAPI document lists them.</summary>
/// <param name="Type">Only this STIX type.</param>
/// <param name="Q">Words to find in names, aliases, descriptions (each matches as a prefix; any script).</param>
/// <param name="Originator">Only objects from this party.</param>
/// <param name="Channel">Only objects released to this channel (one of yours).</param>
/// <param name="ModifiedAfter">Only versions modified after this RFC 3339 UTC time.</param>
/// <param name="ModifiedBefore">Only versions modified before this RFC 3339 UTC time.</param>
/// <param name="Tlp">Only this TLP level: clear, green, amber, amber+strict or red.</param>
/// <param name="Received"><c>true</c>: only what other parties released to yours.</param>
/// <param name="NewestFirst"><c>true</c>: newest first (the cursor then pages backwards).</param>
/// <param name="Limit">Page size, 1–1000 (default 100).</param>
/// <param name="Cursor">The <c>next</c> value of the previous page.</param>
internal sealed record ObjectFilters(
    [FromQuery(Name = "type")] string? Type,
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "originator")] string? Originator,
    [FromQuery(Name = "channel")] string? Channel,
    [FromQuery(Name = "modified_after")] string? ModifiedAfter,
    [FromQuery(Name = "modified_before")] string? ModifiedBefore,
    [FromQuery(Name = "tlp")] string? Tlp,
    [FromQuery(Name = "received")] string? Received,
    [FromQuery(Name = "newest_first")] string? NewestFirst,
    [FromQuery(Name = "limit")] string? Limit,
    [FromQuery(Name = "cursor")] string? Cursor)
{
    /// <summary>The same filters read from a query string, for handlers that take more than these.</summary>
    public static ObjectFilters From(Microsoft.AspNetCore.Http.IQueryCollection query) => new(
        query["type"], query["q"], query["originator"], query["channel"], query["modified_after"], query["modified_before"],
        query["tlp"], query["received"], query["newest_first"], query["limit"], query["cursor"]);
}
