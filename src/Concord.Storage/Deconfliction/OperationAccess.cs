using System.Globalization;
using System.Text.Json;
using Concord.Domain.Deconfliction;
using Concord.Domain.Directory;
using Concord.Domain.Releasability;
using Concord.Storage.Access;
using Concord.Storage.Audit;

namespace Concord.Storage.Deconfliction;

/// <summary>
/// The one door through which members register, amend, cancel, complete and read their operations, shared by
/// the HTTP API and the CLI. Each write checks its input (nothing is stored when it is refused), then — inside
/// the store's serialised transaction — catches the index up, finds the conflicts with <see cref="ConflictRule"/>,
/// stores the version, the conflicts and each side's notice as <see cref="Disclosure"/> decides, and appends to
/// each side's feed. Someone else's operation is "not found", exactly like one that does not exist. Audited.
/// </summary>
public sealed class OperationAccess(IConcordStore store, DeconflictionSettings? settings = null)
{
    private readonly DeconflictionSettings _settings = settings ?? DeconflictionSettings.Default;

    /// <summary>Registers a new operation from its JSON form (see <see cref="OperationPlanParser"/>).</summary>
    public async Task<OperationOutcome> RegisterAsync(Actor actor, JsonElement body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var party = actor.RequireReader().Party;
        if (Refusal(actor) is { } refused)
        {
            return refused;
        }

        var parsed = OperationPlanParser.TryParse(body, _settings.Limits, null, out var plan, out var errors);
        if (parsed && await ContactRefusalAsync(plan!, party, cancellationToken) is { } contactError)
        {
            (parsed, errors) = (false, [contactError]);
        }

        if (!parsed)
        {
            await AuditAsync(actor, "ops.register", null, $"refused errors={errors.Count}", cancellationToken);
            return new OperationOutcome(OperationOutcomeKind.Invalid, null, errors);
        }

        var version = new OperationVersion(OperationId.New(), 1, party, actor.Member, DateTimeOffset.UtcNow, OperationStatus.Active, plan!);
        var result = await store.Operations.InTransactionAsync(tx => CommitAsync(tx, version), cancellationToken);
        await AuditAsync(actor, "ops.register", version.Id.Value, Describe(result), cancellationToken);
        return new OperationOutcome(OperationOutcomeKind.Done, result, []);
    }

    /// <summary>Amends an operation of the caller's party: fields the body gives replace the current ones.</summary>
    public Task<OperationOutcome> AmendAsync(Actor actor, OperationId id, JsonElement body, CancellationToken cancellationToken) =>
        ChangeAsync(actor, id, "ops.amend", OperationStatus.Active, body, cancellationToken);

    /// <summary>Cancels an operation of the caller's party; its open conflicts are resolved as cancelled.</summary>
    public Task<OperationOutcome> CancelAsync(Actor actor, OperationId id, CancellationToken cancellationToken) =>
        ChangeAsync(actor, id, "ops.cancel", OperationStatus.Cancelled, null, cancellationToken);

    /// <summary>Marks an operation of the caller's party completed; its open conflicts are resolved as completed.</summary>
    public Task<OperationOutcome> CompleteAsync(Actor actor, OperationId id, CancellationToken cancellationToken) =>
        ChangeAsync(actor, id, "ops.complete", OperationStatus.Completed, null, cancellationToken);

    /// <summary>The latest version of each of the caller's party's operations.</summary>
    public async Task<IReadOnlyList<OperationView>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var rows = await store.Operations.ListAsync(actor.RequireReader().Party, cancellationToken);
        await AuditAsync(actor, "ops.list", null, $"returned={rows.Count}", cancellationToken);
        return rows.Select(View).ToList();
    }

    /// <summary>Every version of one of the caller's party's operations (empty: not found).</summary>
    public async Task<IReadOnlyList<OperationView>> HistoryAsync(Actor actor, OperationId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var rows = await store.Operations.HistoryAsync(actor.RequireReader().Party, id, cancellationToken);
        await AuditAsync(actor, "ops.history", id.Value, $"versions={rows.Count}", cancellationToken);
        return rows.Select(View).ToList();
    }

    internal static OperationView View(OperationRow row)
    {
        using var plan = JsonDocument.Parse(row.Plan);
        return new OperationView(row.Id.Value, row.Version, row.Status.ToString().ToLowerInvariant(), row.Recorded, row.RecordedBy.ToString(), plan.RootElement.Clone());
    }

    internal static OperationOutcome? Refusal(Actor actor) =>
        actor.Role is MemberRole.Reader or MemberRole.Administrator
            ? OperationOutcome.Refused(OperationOutcomeKind.Forbidden, string.Empty, "readers may not register operations or act on conflicts")
            : null;

    private async Task<OperationOutcome> ChangeAsync(Actor actor, OperationId id, string action, OperationStatus status, JsonElement? body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var party = actor.RequireReader().Party;
        if (Refusal(actor) is { } refused)
        {
            return refused;
        }

        var outcome = await store.Operations.InTransactionAsync(
            async tx =>
            {
                var latest = await tx.LatestAsync(id);
                if (latest is null || latest.Party != party)
                {
                    return OperationOutcome.Refused(OperationOutcomeKind.NotFound, "id", "no operation with this id belongs to your party");
                }

                if (latest.Status != OperationStatus.Active)
                {
                    return OperationOutcome.Refused(OperationOutcomeKind.Closed, "id", $"the operation is {latest.Status.ToString().ToLowerInvariant()} and can no longer change");
                }

                var current = OperationIndexCache.ToVersion(latest);
                var plan = current.Plan;
                if (body is { } json)
                {
                    if (!OperationPlanParser.TryParse(json, _settings.Limits, current.Plan, out plan, out var errors))
                    {
                        return new OperationOutcome(OperationOutcomeKind.Invalid, null, errors);
                    }

                    if (await ContactRefusalAsync(plan!, party, cancellationToken) is { } contactError)
                    {
                        return new OperationOutcome(OperationOutcomeKind.Invalid, null, [contactError]);
                    }
                }

                var version = new OperationVersion(id, latest.Version + 1, party, actor.Member, DateTimeOffset.UtcNow, status, plan!);
                return new OperationOutcome(OperationOutcomeKind.Done, await CommitAsync(tx, version), []);
            },
            cancellationToken);
        await AuditAsync(actor, action, id.Value, outcome.Result is { } result ? Describe(result) : $"refused {outcome.Kind.ToString().ToLowerInvariant()}", cancellationToken);
        return outcome;
    }

    private async Task<DeconflictionError?> ContactRefusalAsync(OperationPlan plan, PartyId party, CancellationToken cancellationToken)
    {
        var member = plan.Contact.Member;
        var known = member.Party == party ? await store.Directory.GetMemberAsync(member, cancellationToken) : null;
        return known is null || known.Disabled
            ? new DeconflictionError("/contact/member", "no enabled member of your party has this id")
            : null;
    }

    private async Task<OperationResult> CommitAsync(IOperationTransaction tx, OperationVersion version)
    {
        await store.Operations.Cache.CatchUpAsync(tx);
        var now = DateTimeOffset.UtcNow;
        var found = store.Operations.Cache.Index.FindConflicts(version).ToDictionary(c => c.Existing.Id);
        var mine = new List<NoticeView>();
        foreach (var open in await tx.OpenConflictsAsync(version.Id))
        {
            var other = open.OperationA == version.Id ? open.OperationB : open.OperationA;
            ConflictRow changed;
            string type;
            if (found.Remove(other, out var still))
            {
                var (a, b) = Sides(Disclosure.Notices(still, _settings.Disclosure), open.OperationA);
                changed = open with { NoticeA = a, NoticeB = open.Internal ? null : b, State = ConflictState.Open, AckA = null, AckB = null, Updated = now };
                type = "updated";
            }
            else
            {
                var why = version.Status switch
                {
                    OperationStatus.Cancelled => "cancelled",
                    OperationStatus.Completed => "completed",
                    _ => "no_longer_overlaps",
                };
                changed = open with { State = ConflictState.Resolved, Resolution = $"{(open.OperationA == version.Id ? "a" : "b")}:{why}", Updated = now };
                type = "resolved";
            }

            await tx.UpdateConflictAsync(changed);
            mine.Add(await PublishAsync(tx, changed, type, version.Party, now));
        }

        foreach (var conflict in found.Values)
        {
            var (a, b) = Sides(Disclosure.Notices(conflict, _settings.Disclosure), version.Id);
            var row = new ConflictRow(
                "conflict--" + Guid.NewGuid().ToString("D"), version.Id, version.Party, conflict.Existing.Id, conflict.Existing.Party,
                ConflictState.Open, now, now, a, conflict.Internal ? null : b, null, null, null);
            await tx.AddConflictAsync(row);
            mine.Add(await PublishAsync(tx, row, "conflict", version.Party, now));
        }

        var plan = OperationPlanWriter.ToJson(version.Plan).ToJsonString();
        var seq = await tx.AddVersionAsync(version, plan);
        var view = View(new OperationRow(seq, version.Id, version.Version, version.Party, version.RecordedBy, version.Recorded, version.Status, plan));
        return new OperationResult(view, mine);
    }

    /// <summary>Appends the conflict's current notice to each side's feed; returns <paramref name="caller"/>'s view.</summary>
    internal static async Task<NoticeView> PublishAsync(IOperationTransaction tx, ConflictRow conflict, string type, PartyId caller, DateTimeOffset at)
    {
        var viewA = NoticeViews.View(conflict, conflict.PartyA);
        await tx.AddEventAsync(conflict.PartyA, conflict.Id, type, at, NoticeViews.Json(viewA));
        if (conflict.Internal)
        {
            return viewA;
        }

        var viewB = NoticeViews.View(conflict, conflict.PartyB);
        await tx.AddEventAsync(conflict.PartyB, conflict.Id, type, at, NoticeViews.Json(viewB));
        return caller == conflict.PartyA ? viewA : viewB;
    }

    private static (string A, string B) Sides(IReadOnlyList<ConflictNotice> notices, OperationId sideA)
    {
        var a = notices.FirstOrDefault(n => n.Operation == sideA) ?? notices[0];
        var b = notices.Count > 1 ? notices.First(n => n.Operation != sideA) : a;
        return (NoticeViews.Body(a), NoticeViews.Body(b));
    }

    private static string Describe(OperationResult result) => string.Create(
        CultureInfo.InvariantCulture,
        $"version={result.Operation.Version} status={result.Operation.Status} notices={result.Notices.Count} conflicts={string.Join(',', result.Notices.Select(n => n.ConflictId))}");

    private Task AuditAsync(Actor actor, string action, string? target, string detail, CancellationToken cancellationToken) =>
        store.Audit.AppendAsync(new AuditRecord(DateTimeOffset.UtcNow, actor.Member.ToString(), actor.Party?.Value, action, target, null, detail), cancellationToken);
}
