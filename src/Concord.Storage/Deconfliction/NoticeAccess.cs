using System.Globalization;
using Concord.Domain.Releasability;
using Concord.Storage.Access;
using Concord.Storage.Audit;

namespace Concord.Storage.Deconfliction;

/// <summary>What a duty officer does with a conflict notice.</summary>
public enum NoticeAction
{
    /// <summary>Seen and taken in hand. A conflict stays open until both sides acknowledge it.</summary>
    Acknowledge,

    /// <summary>Raised to supervisors (the liaison channel, the secretariat); stays escalated until resolved.</summary>
    Escalate,

    /// <summary>Settled: one side moves, shortens or cancels (or otherwise).</summary>
    Resolve,
}

/// <summary>
/// The notice workflow and feed for the caller's party: list its conflicts, acknowledge, escalate or resolve
/// one, read its feed, set its webhook. A conflict the party is not a side of is "not found". Audited.
/// </summary>
public sealed class NoticeAccess(IConcordStore store)
{
    /// <summary>How a conflict can be resolved.</summary>
    public static readonly IReadOnlyList<string> Resolutions = ["moved", "shortened", "cancelled", "other"];

    /// <summary>The caller's party's conflicts, newest first; with <paramref name="openOnly"/>, those still needing attention.</summary>
    public async Task<IReadOnlyList<NoticeView>> ListAsync(Actor actor, bool openOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var party = actor.RequireReader().Party;
        var rows = await store.Operations.ConflictsAsync(party, cancellationToken);
        var views = rows.Where(r => !openOnly || r.IsOpen).Select(r => NoticeViews.View(r, party)).ToList();
        await AuditAsync(actor, "ops.conflicts", null, $"returned={views.Count}", cancellationToken);
        return views;
    }

    /// <summary>Acknowledges, escalates or resolves a conflict of the caller's party.</summary>
    public async Task<(OperationOutcomeKind Kind, NoticeView? Notice, string? Reason)> ActAsync(Actor actor, string conflictId, NoticeAction action, string? resolution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var party = actor.RequireReader().Party;
        if (OperationAccess.Refusal(actor) is { } refused)
        {
            return (refused.Kind, null, refused.Errors[0].Message);
        }

        if (action == NoticeAction.Resolve && (resolution is null || !Resolutions.Contains(resolution)))
        {
            return (OperationOutcomeKind.Invalid, null, "resolve with one of: " + string.Join(", ", Resolutions));
        }

        var outcome = await store.Operations.InTransactionAsync<(OperationOutcomeKind, NoticeView?, string?)>(
            async tx =>
            {
                var conflict = await tx.ConflictAsync(conflictId);
                if (conflict is null || !conflict.Concerns(party))
                {
                    return (OperationOutcomeKind.NotFound, null, "no conflict with this id concerns your party");
                }

                if (conflict.State == ConflictState.Resolved)
                {
                    return (OperationOutcomeKind.Closed, NoticeViews.View(conflict, party), "the conflict is already resolved");
                }

                var now = DateTimeOffset.UtcNow;
                var sideA = NoticeViews.IsSideA(conflict, party);
                var changed = action switch
                {
                    NoticeAction.Acknowledge => Acknowledge(conflict, sideA, now),
                    NoticeAction.Escalate => conflict with { State = ConflictState.Escalated, Updated = now },
                    _ => conflict with { State = ConflictState.Resolved, Resolution = $"{(sideA ? "a" : "b")}:{resolution}", Updated = now },
                };
                await tx.UpdateConflictAsync(changed);
                var type = action switch
                {
                    NoticeAction.Acknowledge => "acknowledged",
                    NoticeAction.Escalate => "escalated",
                    _ => "resolved",
                };
                return (OperationOutcomeKind.Done, await OperationAccess.PublishAsync(tx, changed, type, party, now), null);
            },
            cancellationToken);
        await AuditAsync(actor, "ops." + action.ToString().ToLowerInvariant(), conflictId, outcome.Item1 == OperationOutcomeKind.Done ? $"state={outcome.Item2!.State}" : $"refused {outcome.Item1.ToString().ToLowerInvariant()}", cancellationToken);
        return outcome;
    }

    /// <summary>The caller's party's feed after <paramref name="after"/>.</summary>
    public Task<IReadOnlyList<OperationEvent>> EventsAsync(Actor actor, long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return store.Operations.EventsAsync(actor.RequireReader().Party, after, limit, cancellationToken);
    }

    /// <summary>Sets (or with a null URL removes) the caller's party's webhook; false with a reason when refused.</summary>
    public async Task<string?> SetWebhookAsync(Actor actor, string? url, string? secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var party = actor.RequireReader().Party;
        if (OperationAccess.Refusal(actor) is { } refused)
        {
            return refused.Errors[0].Message;
        }

        WebhookTarget? target = null;
        if (url is not null)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                return "url: give an http(s) URL";
            }

            if (secret is null || secret.Length is < 16 or > 256)
            {
                return "secret: give a shared secret of 16 to 256 characters";
            }

            target = new WebhookTarget(party, uri, secret);
        }

        await store.Operations.SetWebhookAsync(party, target, cancellationToken);
        await AuditAsync(actor, "ops.webhook", party.Value, target is null ? "removed" : "set", cancellationToken);
        return null;
    }

    private static ConflictRow Acknowledge(ConflictRow conflict, bool sideA, DateTimeOffset now)
    {
        var changed = conflict.Internal
            ? conflict with { AckA = conflict.AckA ?? now, AckB = conflict.AckB ?? now }
            : sideA ? conflict with { AckA = conflict.AckA ?? now } : conflict with { AckB = conflict.AckB ?? now };
        var both = changed.AckA is not null && changed.AckB is not null;
        return changed with { State = both && changed.State == ConflictState.Open ? ConflictState.Acknowledged : changed.State, Updated = now };
    }

    private Task AuditAsync(Actor actor, string action, string? target, string detail, CancellationToken cancellationToken) =>
        store.Audit.AppendAsync(new AuditRecord(DateTimeOffset.UtcNow, actor.Member.ToString(), actor.Party?.Value, action, target, null, string.Create(CultureInfo.InvariantCulture, $"{detail}")), cancellationToken);
}
