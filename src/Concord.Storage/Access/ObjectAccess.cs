using System.Globalization;
using System.Runtime.CompilerServices;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Storage.Audit;
using Concord.Storage.Objects;

namespace Concord.Storage.Access;

/// <summary>
/// The one door through which members read and release objects, shared by the HTTP API and the CLI: each call
/// reads through the store with the actor's reader (so the releasability rule decides) and leaves an audit
/// record of who read what, when, and for what stated purpose.
/// </summary>
public sealed class ObjectAccess(IConcordStore store)
{
    private const int AuditedIds = 50;

    /// <summary>The latest version of an object the actor may read, or null ("not found").</summary>
    public async Task<StoredVersion?> GetAsync(Actor actor, StixId id, string? purpose, CancellationToken cancellationToken)
    {
        var reader = actor.RequireReader();
        var version = await store.Objects.GetLatestAsync(reader, id, cancellationToken);
        await AuditAsync(actor, "read", id.ToString(), purpose, version is null ? "found=false" : $"found=true version={version.Version}", cancellationToken);
        return version;
    }

    /// <summary>Every version of an object the actor may read (empty means "not found").</summary>
    public async Task<IReadOnlyList<StoredVersion>> GetVersionsAsync(Actor actor, StixId id, string? purpose, CancellationToken cancellationToken)
    {
        var reader = actor.RequireReader();
        var versions = await store.Objects.GetVersionsAsync(reader, id, cancellationToken);
        await AuditAsync(actor, "history", id.ToString(), purpose, $"versions={versions.Count}", cancellationToken);
        return versions;
    }

    /// <summary>A page of objects matching the query.</summary>
    public async Task<ObjectPage> ListAsync(Actor actor, ObjectQuery query, string? purpose, CancellationToken cancellationToken)
    {
        var reader = actor.RequireReader();
        var page = await store.Objects.ListAsync(reader, query, cancellationToken);
        var ids = string.Join(',', page.Items.Take(AuditedIds).Select(v => v.Id.ToString()));
        await AuditAsync(actor, "list", null, purpose, $"{Describe(query)} returned={page.Items.Count} ids={ids}", cancellationToken);
        return page;
    }

    /// <summary>How many objects match the query.</summary>
    public async Task<long> CountAsync(Actor actor, ObjectQuery query, string? purpose, CancellationToken cancellationToken)
    {
        var reader = actor.RequireReader();
        var count = await store.Objects.CountAsync(reader, query, cancellationToken);
        await AuditAsync(actor, "count", null, purpose, $"{Describe(query)} count={count}", cancellationToken);
        return count;
    }

    /// <summary>Streams every matching object as a STIX bundle into <paramref name="output"/>; returns how many.</summary>
    public async Task<long> ExportAsync(Actor actor, ObjectQuery query, string? purpose, Stream output, CancellationToken cancellationToken)
    {
        var reader = actor.RequireReader();
        var count = await StixOutput.WriteBundleAsync(output, store.Objects.ExportAsync(reader, query, cancellationToken), reader, cancellationToken);
        await AuditAsync(actor, "export", null, purpose, $"{Describe(query)} exported={count}", cancellationToken);
        return count;
    }

    /// <summary>Every matching object, streamed (for callers that render themselves); audited when finished.</summary>
    public async IAsyncEnumerable<StoredVersion> EnumerateAsync(Actor actor, ObjectQuery query, string? purpose, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = actor.RequireReader();
        long count = 0;
        await foreach (var version in store.Objects.ExportAsync(reader, query, cancellationToken))
        {
            count++;
            yield return version;
        }

        await AuditAsync(actor, "export", null, purpose, $"{Describe(query)} exported={count}", cancellationToken);
    }

    /// <summary>
    /// Releases the latest readable version of an object to more parties and channels, when the forwarding
    /// rule allows it. Unknown parties and channels the actor is not in are refused alike.
    /// </summary>
    public async Task<(ForwardOutcome Outcome, string? Reason)> ReleaseAsync(Actor actor, StixId id, Release target, string? purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var reader = actor.RequireReader();
        var version = await store.Objects.GetLatestAsync(reader, id, cancellationToken);
        if (version is null)
        {
            await AuditAsync(actor, "release", id.ToString(), purpose, "found=false", cancellationToken);
            return (ForwardOutcome.NotFound, null);
        }

        var parties = (await store.Directory.ListPartiesAsync(cancellationToken)).Select(p => p.Id).ToHashSet();
        var unknown = target.Parties.FirstOrDefault(p => !parties.Contains(p));
        var reason = unknown.Value is not null ? $"unknown party '{unknown}'" : ForwardingRule.Refusal(reader, version.Distribution, target);
        if (reason is not null)
        {
            await AuditAsync(actor, "release", id.ToString(), purpose, $"refused: {reason}", cancellationToken);
            return (ForwardOutcome.Refused, reason);
        }

        await store.Objects.AddReleaseAsync(version.Pk, target, reader.Party, cancellationToken);
        await AuditAsync(actor, "release", id.ToString(), purpose, $"version={version.Version} to {target}", cancellationToken);
        return (ForwardOutcome.Released, null);
    }

    private Task AuditAsync(Actor actor, string action, string? target, string? purpose, string detail, CancellationToken cancellationToken) =>
        store.Audit.AppendAsync(new AuditRecord(DateTimeOffset.UtcNow, actor.Member.ToString(), actor.Party?.Value, action, target, purpose, detail), cancellationToken);

    private static string Describe(ObjectQuery query) => string.Create(
        CultureInfo.InvariantCulture,
        $"type={query.Type ?? "*"} originator={query.Originator?.Value ?? "*"} channel={query.Channel?.Value ?? "*"} text={(query.Text is null ? "-" : "given")} tlp={query.Tlp?.ToString() ?? "*"} received={query.ReceivedOnly} references={query.References?.ToString() ?? "-"} newest_first={query.NewestFirst} after={query.After ?? 0}");
}
