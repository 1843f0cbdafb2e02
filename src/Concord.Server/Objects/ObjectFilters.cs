using Microsoft.AspNetCore.Mvc;

namespace Concord.Server.Objects;

/// <summary>The query-string filters of listing, counting and exporting, declared so the OpenAPI document lists them.</summary>
/// <param name="Type">Only this STIX type.</param>
/// <param name="Q">Words to find in names, aliases, descriptions (each matches as a prefix; any script).</param>
/// <param name="Originator">Only objects from this party.</param>
/// <param name="Channel">Only objects released to this channel (one of yours).</param>
/// <param name="ModifiedAfter">Only versions modified after this RFC 3339 UTC time.</param>
/// <param name="Limit">Page size, 1–1000 (default 100).</param>
/// <param name="Cursor">The <c>next</c> value of the previous page.</param>
internal sealed record ObjectFilters(
    [FromQuery(Name = "type")] string? Type,
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "originator")] string? Originator,
    [FromQuery(Name = "channel")] string? Channel,
    [FromQuery(Name = "modified_after")] string? ModifiedAfter,
    [FromQuery(Name = "limit")] string? Limit,
    [FromQuery(Name = "cursor")] string? Cursor);
