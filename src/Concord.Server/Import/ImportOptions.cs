using Microsoft.AspNetCore.Mvc;

namespace Concord.Server.Import;

/// <summary>The query-string options of an import, declared so the OpenAPI document lists them.</summary>
/// <param name="Party">Release objects that name no release of their own to this party (repeatable).</param>
/// <param name="Channel">…and to this channel, one of yours (repeatable).</param>
/// <param name="Caveat">Handling caveat for such objects: ORCON, H0, H1, H2 or H3 (repeatable).</param>
/// <param name="Purpose">The purpose an H0 item may be used for.</param>
/// <param name="Restriction">The restriction an H3 item carries.</param>
/// <param name="Grading">Admiralty grading for such objects, e.g. B2.</param>
/// <param name="AllOrNothing"><c>true</c> refuses the whole bundle when any object is refused.</param>
internal sealed record ImportOptions(
    [FromQuery(Name = "party")] string[]? Party,
    [FromQuery(Name = "channel")] string[]? Channel,
    [FromQuery(Name = "caveat")] string[]? Caveat,
    [FromQuery(Name = "purpose")] string? Purpose,
    [FromQuery(Name = "restriction")] string? Restriction,
    [FromQuery(Name = "grading")] string? Grading,
    [FromQuery(Name = "all_or_nothing")] string? AllOrNothing);
