using System.Collections.Concurrent;
using System.Text.Json;
using Concord.Domain.Releasability;

namespace Concord.Server.Taxii;

/// <summary>
/// Status resources of TAXII POSTs. Concord takes a POST in whole before answering, so every status is already
/// <c>complete</c>; they are kept (the most recent ones, in memory) so a client may fetch them by id as the spec
/// allows. A party sees only its own.
/// </summary>
internal sealed class TaxiiStatuses
{
    // A status lists every object of its POST (a push page is 10,000), so only the most recent are kept: at most
    // 1,000 statuses and, between them, at most 200,000 listed objects (the newest status is always kept).
    private const int Kept = 1_000;
    private const long KeptEntries = 200_000;
    private readonly ConcurrentDictionary<string, TaxiiStatus> _statuses = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private long _entries;

    public void Add(TaxiiStatus status)
    {
        _statuses[status.Id] = status;
        _order.Enqueue(status.Id);
        Interlocked.Add(ref _entries, status.Entries);
        while ((_order.Count > Kept || Interlocked.Read(ref _entries) > KeptEntries) && _order.Count > 1 && _order.TryDequeue(out var old))
        {
            if (_statuses.TryRemove(old, out var dropped))
            {
                Interlocked.Add(ref _entries, -dropped.Entries);
            }
        }
    }

    public TaxiiStatus? Find(string id, PartyId party) =>
        _statuses.TryGetValue(id, out var status) && status.Party == party ? status : null;
}

/// <summary>One status resource.</summary>
internal sealed record TaxiiStatus(string Id, PartyId Party, DateTimeOffset Requested, IReadOnlyList<(string Id, string? Version)> Successes, IReadOnlyList<(string? Id, string Message)> Failures)
{
    /// <summary>How many objects the status lists.</summary>
    public int Entries => Successes.Count + Failures.Count;

    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("id", Id);
        w.WriteString("status", "complete");
        w.WriteString("request_timestamp", TaxiiFilter.Timestamp(Requested));
        w.WriteNumber("total_count", Successes.Count + Failures.Count);
        w.WriteNumber("success_count", Successes.Count);
        w.WriteStartArray("successes");
        foreach (var (id, version) in Successes)
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            if (version is not null)
            {
                w.WriteString("version", version);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("failure_count", Failures.Count);
        w.WriteStartArray("failures");
        foreach (var (id, message) in Failures)
        {
            w.WriteStartObject();
            w.WriteString("id", id ?? "unknown");
            w.WriteString("message", message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("pending_count", 0);
        w.WriteEndObject();
    }
}
