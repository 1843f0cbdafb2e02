using System.Text.Json;
using System.Text.Json.Serialization;

namespace Concord.Storage.Deconfliction;

/// <summary>The duty contact of the other side, as disclosed.</summary>
/// <param name="Name">How to address them.</param>
/// <param name="Phone">Telephone.</param>
/// <param name="Radio">Radio.</param>
/// <param name="Email">E-mail.</param>
public sealed record ContactView(string Name, string? Phone, string? Radio, string? Email);

/// <summary>
/// A conflict notice as one party reads it (API, CLI, server-sent events, webhooks): the disclosed fields of
/// <see cref="Domain.Deconfliction.ConflictNotice"/> and the state of the exchange. Nothing else.
/// </summary>
/// <param name="ConflictId">The conflict.</param>
/// <param name="State">open, acknowledged, escalated, resolved.</param>
/// <param name="Operation">The reader's own operation concerned.</param>
/// <param name="From">Start of the shared span, UTC, rounded down.</param>
/// <param name="Until">End of the shared span, UTC, rounded up (excluded).</param>
/// <param name="Area">Coarse area, [west, south, east, north] degrees (west &gt; east crosses the antimeridian).</param>
/// <param name="Contact">The other side's duty contact.</param>
/// <param name="CounterpartParty">The other side's party, when it chose to reveal it.</param>
/// <param name="CounterpartKind">The other operation's kind, when its owner chose to reveal it.</param>
/// <param name="Internal">True when both operations are the reader's.</param>
/// <param name="CounterpartOperation">The other operation, for internal notes only.</param>
/// <param name="AcknowledgedByYou">True once the reader's side acknowledged.</param>
/// <param name="AcknowledgedByCounterpart">True once the other side acknowledged.</param>
/// <param name="Resolution">How it was resolved.</param>
/// <param name="Detected">When found.</param>
/// <param name="Updated">Last change.</param>
public sealed record NoticeView(
    string ConflictId,
    string State,
    string Operation,
    DateTimeOffset From,
    DateTimeOffset Until,
    double[] Area,
    ContactView Contact,
    string? CounterpartParty,
    string? CounterpartKind,
    bool Internal,
    string? CounterpartOperation,
    bool AcknowledgedByYou,
    bool AcknowledgedByCounterpart,
    string? Resolution,
    DateTimeOffset Detected,
    DateTimeOffset Updated);

/// <summary>The disclosed part of a notice, as stored for one side.</summary>
/// <param name="Operation">The side's own operation.</param>
/// <param name="From">Span start.</param>
/// <param name="Until">Span end.</param>
/// <param name="Area">Coarse area.</param>
/// <param name="Contact">The other side's contact.</param>
/// <param name="CounterpartParty">Revealed party.</param>
/// <param name="CounterpartKind">Revealed kind.</param>
/// <param name="Internal">Internal note.</param>
/// <param name="CounterpartOperation">Other operation (internal only).</param>
public sealed record NoticeBody(
    string Operation,
    DateTimeOffset From,
    DateTimeOffset Until,
    double[] Area,
    ContactView Contact,
    string? CounterpartParty,
    string? CounterpartKind,
    bool Internal,
    string? CounterpartOperation);

/// <summary>One version of an operation as its owner reads it.</summary>
/// <param name="Id">The operation.</param>
/// <param name="Version">1, 2, …</param>
/// <param name="Status">active, cancelled, completed.</param>
/// <param name="Recorded">When this version was made.</param>
/// <param name="RecordedBy">By whom.</param>
/// <param name="Plan">The plan (kind, area, window, …).</param>
public sealed record OperationView(string Id, int Version, string Status, DateTimeOffset Recorded, string RecordedBy, JsonElement Plan);

/// <summary>The answer to a registration, amendment, cancellation or completion.</summary>
/// <param name="Operation">The new version.</param>
/// <param name="Notices">The caller's notices for conflicts found or changed by it.</param>
public sealed record OperationResult(OperationView Operation, IReadOnlyList<NoticeView> Notices);

/// <summary>Source-generated JSON for the deconfliction records the store writes.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(NoticeBody))]
[JsonSerializable(typeof(NoticeView))]
internal sealed partial class DeconflictionJson : JsonSerializerContext;
