using System.Globalization;
using System.Threading.Channels;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Domain.Versioning;
using Concord.Storage.Audit;
using Concord.Storage.Objects;

namespace Concord.Storage.Import;

/// <summary>
/// Imports STIX input (a bundle, an array or one object) as the acting party: streamed, so memory stays flat
/// whatever the size; parsed and validated on one thread while the previous batch is written on another;
/// written in batches that each commit as a whole (or, all-or-nothing, in one transaction). A refused object
/// never sinks the good ones unless the caller asks for all-or-nothing.
/// </summary>
public sealed class Importer(IConcordStore store)
{
    private const int MaxErrorsPerObject = 5;

    /// <summary>How many ids held under another originator an import's audit entry names.</summary>
    private const int AuditedForeignIds = 20;

    /// <summary>Imports <paramref name="input"/> and reports what happened.</summary>
    public async Task<ImportReport> ImportAsync(Stream input, ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(request);
        var reader = request.Actor.RequireReader();
        var directory = await store.Directory.ListPartiesAsync(cancellationToken);
        if (directory.FirstOrDefault(p => p.Id == reader.Party) is { Node: { } home })
        {
            // A partner's party is known here only to read what is released to it and to deliver, signed, what its own
            // node publishes (TAXII from that node); it does not publish here under its name without that signature.
            return new ImportReport
            {
                Problems = [new ImportProblem(-1, string.Empty, null, $"party '{reader.Party}' is hosted by node '{home}': it publishes through its own node")],
            };
        }

        var parties = directory.Select(p => p.Id).ToHashSet();
        // Objects go to the writer in the chunks the store asks for. Small chunks get a few places of slack, so the writer
        // has work queued while the reading thread is held up (by a collection, say); a large chunk is slack enough.
        var chunk = Math.Min(request.BatchSize, store.Objects.ImportChunk);
        var batches = System.Threading.Channels.Channel.CreateBounded<Batch>(new BoundedChannelOptions(chunk <= 1000 ? 4 : 1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(input, request, reader, parties, chunk, batches.Writer, stop.Token), stop.Token);

        var problems = new List<ImportProblem>();
        long received = 0, inserted = 0, unchanged = 0, rejected = 0;
        // Ids held under another originator: the refusal tells the importer such an object exists, so the audit
        // entry names them for an administrator who wants to see who asks about which ids.
        var foreignIds = new List<string>();
        long foreign = 0;
        var committed = false;
        try
        {
            // The session never commits by itself: a transaction is request.BatchSize objects (or, all-or-nothing, the
            // whole input), written as the reading thread hands over chunks.
            await using var session = await store.Objects.BeginImportAsync(allOrNothing: true, cancellationToken);
            long pending = 0;
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
            {
                received += batch.Received;
                rejected += batch.Rejected;
                AddProblems(problems, batch.Problems);
                if (request.AllOrNothing && rejected > 0)
                {
                    // Keep reading to report every problem, but write nothing more.
                    progress?.Report(new ImportProgress(received, inserted + unchanged, rejected, batch.BytesRead));
                    continue;
                }

                var verdicts = await session.WriteAsync(batch.Records, cancellationToken);
                for (var i = 0; i < verdicts.Count; i++)
                {
                    switch (verdicts[i])
                    {
                        case VersionVerdict.Insert: inserted++; break;
                        case VersionVerdict.Unchanged: unchanged++; break;
                        default:
                            rejected++;
                            if (verdicts[i] == VersionVerdict.NotOriginator && foreign++ < AuditedForeignIds)
                            {
                                foreignIds.Add(batch.Records[i].Object.Id.ToString());
                            }

                            var (index, pointer) = batch.Positions[i];
                            AddProblems(problems, [new ImportProblem(index, pointer, batch.Records[i].Object.Id.ToString(), VersionRule.Explain(verdicts[i]))]);
                            break;
                    }
                }

                pending += batch.Records.Count + batch.Rejected;
                if (!request.AllOrNothing && pending >= request.BatchSize)
                {
                    await session.CommitAsync(cancellationToken);
                    pending = 0;
                }

                progress?.Report(new ImportProgress(received, inserted + unchanged, rejected, batch.BytesRead));
            }

            await producer;
            if (!request.AllOrNothing || rejected == 0)
            {
                await session.CommitAsync(cancellationToken);
                committed = true;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAny(producer);
        }

        if (request.AllOrNothing && !committed)
        {
            inserted = 0;
            unchanged = 0;
        }

        var report = new ImportReport
        {
            Received = received,
            Inserted = inserted,
            Unchanged = unchanged,
            Rejected = rejected,
            Committed = committed,
            Problems = problems.OrderBy(p => p.Index).ToList(),
        };
        await store.Audit.AppendAsync(
            new AuditRecord(DateTimeOffset.UtcNow, request.Actor.Member.ToString(), reader.Party.Value, "import", null, null,
                string.Create(CultureInfo.InvariantCulture, $"source={request.Source ?? "-"} received={received} inserted={report.Inserted} unchanged={report.Unchanged} rejected={rejected} committed={committed}{(foreign > 0 ? $" not_originator={foreign} ids={string.Join(',', foreignIds)}" : string.Empty)}")),
            cancellationToken);
        return report;
    }

    private static void AddProblems(List<ImportProblem> into, IEnumerable<ImportProblem> problems)
    {
        foreach (var p in problems)
        {
            if (into.Count < ImportReport.MaxProblems)
            {
                into.Add(p);
            }
        }
    }

    private static async Task ProduceAsync(Stream input, ImportRequest request, Reader reader, HashSet<PartyId> parties, int chunk, ChannelWriter<Batch> output, CancellationToken cancellationToken)
    {
        // Each entry is validated (and the object copied) before the next is read.
        var parser = new BundleParser { LendEntryBytes = true };
        var batch = new Batch();
        long bytes = 0;
        try
        {
            while (true)
            {
                var step = parser.Next(out var entry);
                if (step == BundleParser.Step.End)
                {
                    break;
                }

                if (step == BundleParser.Step.NeedMoreData)
                {
                    var read = await input.ReadAsync(parser.GetFillBuffer(), cancellationToken);
                    bytes += read;
                    parser.Advance(read);
                    continue;
                }

                Accept(entry!, request, reader, parties, batch);
                if (batch.Records.Count + batch.Rejected >= chunk)
                {
                    batch.BytesRead = bytes;
                    await output.WriteAsync(batch, cancellationToken);
                    batch = new Batch();
                }
            }

            batch.BytesRead = bytes;
            await output.WriteAsync(batch, cancellationToken);
            output.Complete();
        }
        catch (Exception ex)
        {
            output.Complete(ex);
            throw;
        }
    }

    private static void Accept(BundleEntry entry, ImportRequest request, Reader reader, HashSet<PartyId> parties, Batch batch)
    {
        if (entry.Error is { } error)
        {
            if (entry.Index >= 0)
            {
                batch.Received++;
            }

            batch.Problems.Add(new ImportProblem(entry.Index, error.Pointer, null, error.Message));
            batch.Rejected++;
            return;
        }

        batch.Received++;
        var validation = StixValidator.Validate(entry.Json, entry.Pointer);
        if (validation.Object is not { } obj)
        {
            foreach (var e in validation.Errors.Take(MaxErrorsPerObject))
            {
                batch.Problems.Add(new ImportProblem(entry.Index, e.Pointer, validation.Id, e.Message));
            }

            batch.Rejected++;
            return;
        }

        var release = obj.Concord.Release ?? request.DefaultRelease;
        if (!AllKnown(release, reader, parties))
        {
            var unknown = release.Parties.Where(p => !parties.Contains(p)).Select(p => $"unknown party '{p}'")
                .Concat(release.Channels.Where(c => !reader.Channels.Contains(c)).Select(c => $"unknown channel '{c}'"));
            batch.Problems.Add(new ImportProblem(entry.Index, $"{entry.Pointer}/extensions/{ConcordExtension.Id}/release", obj.Id.ToString(), string.Join("; ", unknown)));
            batch.Rejected++;
            return;
        }

        var handling = obj.Concord.Handling.Caveats != Caveats.None ? obj.Concord.Handling : request.DefaultHandling;
        var grading = obj.Concord.Grading ?? request.DefaultGrading;
        var distribution = new Distribution(reader.Party, release, obj.Tlp, handling);
        batch.Records.Add(new VersionRecord(obj, distribution, grading, VersionDigest.Compute(obj.Json.Span, distribution, grading)));
        batch.Positions.Add((entry.Index, entry.Pointer));
    }

    /// <summary>True when every party of the release is known here and every channel is one the importer is in.</summary>
    private static bool AllKnown(Release release, Reader reader, HashSet<PartyId> parties)
    {
        foreach (var party in release.Parties)
        {
            if (!parties.Contains(party))
            {
                return false;
            }
        }

        foreach (var channel in release.Channels)
        {
            if (!reader.Channels.Contains(channel))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Batch
    {
        public List<VersionRecord> Records { get; } = [];

        public List<(int Index, string Pointer)> Positions { get; } = [];

        public List<ImportProblem> Problems { get; } = [];

        public int Received { get; set; }

        public int Rejected { get; set; }

        public long BytesRead { get; set; }
    }
}
