namespace Concord.Server.Objects;

/// <summary>
/// One object version as a list row of the workspace: what it is, who made it, how it is handled, and the
/// part of its release the reader may know of (<c>ReleasabilityRule.VisibleRelease</c>).
/// </summary>
/// <param name="Id">The object id.</param>
/// <param name="Type">The STIX type.</param>
/// <param name="Version">The version key (modified, else created), for marking it read.</param>
/// <param name="Name">Its name, or a label made from its type-specific fields.</param>
/// <param name="Description">The start of its description.</param>
/// <param name="Lang">The object's declared language, if any.</param>
/// <param name="Originator">The originating party.</param>
/// <param name="Tlp">clear, green, amber, amber+strict, red, or null when unmarked.</param>
/// <param name="Caveats">ORCON and H0–H3 codes.</param>
/// <param name="Grading">Admiralty grading.</param>
/// <param name="Channels">Channels it is released to that the reader may know of.</param>
/// <param name="Parties">Parties it is released to that the reader may know of.</param>
/// <param name="Modified">When it was modified (or created).</param>
/// <param name="Added">When this node stored it.</param>
/// <param name="Revoked">True when this version revokes the object.</param>
/// <param name="RelationshipType">For relationships.</param>
/// <param name="SourceRef">For relationships and sightings.</param>
/// <param name="TargetRef">For relationships and sightings.</param>
/// <param name="Latitude">For locations.</param>
/// <param name="Longitude">For locations.</param>
/// <param name="Precision">For locations, in metres.</param>
/// <param name="Country">For locations.</param>
/// <param name="Read">For the inbox: whether the member marked it read.</param>
public sealed record ObjectSummary(
    string Id,
    string Type,
    string Version,
    string? Name,
    string? Description,
    string? Lang,
    string Originator,
    string? Tlp,
    IReadOnlyList<string> Caveats,
    string? Grading,
    IReadOnlyList<string> Channels,
    IReadOnlyList<string> Parties,
    string? Modified,
    DateTimeOffset Added,
    bool Revoked,
    string? RelationshipType,
    string? SourceRef,
    string? TargetRef,
    double? Latitude,
    double? Longitude,
    double? Precision,
    string? Country,
    bool? Read);

/// <summary>A page of summaries and the cursor of the next page (null at the end).</summary>
/// <param name="Items">The rows.</param>
/// <param name="Next">Pass as <c>cursor</c> for the next page.</param>
public sealed record SummaryPage(IReadOnlyList<ObjectSummary> Items, string? Next);
