using Concord.Domain.Releasability;
using Concord.Domain.Stix;

namespace Concord.Storage.Objects;

/// <summary>
/// Object versions. Every read takes the reader first: an unreadable version is absent, never an error, and
/// the filter that decides is each backend's SQL form of <see cref="ReleasabilityRule"/>.
/// </summary>
public interface IObjectStore
{
    /// <summary>
    /// How many objects an import hands its session at a time (a transaction may span several). SQLite runs in this
    /// process and is best fed small chunks, so few validated objects wait in memory; PostgreSQL pays a round trip and
    /// a staged COPY per call, so it takes a whole transaction's worth at once.
    /// </summary>
    int ImportChunk { get; }

    /// <summary>Starts an import.</summary>
    Task<IImportSession> BeginImportAsync(bool allOrNothing, CancellationToken cancellationToken);

    /// <summary>The latest version of an object the reader may read, or null.</summary>
    Task<StoredVersion?> GetLatestAsync(Reader reader, StixId id, CancellationToken cancellationToken);

    /// <summary>Every version of an object the reader may read, oldest first.</summary>
    Task<IReadOnlyList<StoredVersion>> GetVersionsAsync(Reader reader, StixId id, CancellationToken cancellationToken);

    /// <summary>A page of objects (each as its latest readable version) matching the query.</summary>
    Task<ObjectPage> ListAsync(Reader reader, ObjectQuery query, CancellationToken cancellationToken);

    /// <summary>How many objects the reader may read match the query.</summary>
    Task<long> CountAsync(Reader reader, ObjectQuery query, CancellationToken cancellationToken);

    /// <summary>Every object matching the query as its latest readable version, streamed in store order.</summary>
    IAsyncEnumerable<StoredVersion> ExportAsync(Reader reader, ObjectQuery query, CancellationToken cancellationToken);

    /// <summary>Adds parties and channels to the release of a stored version (a forward or a widening).</summary>
    Task AddReleaseAsync(long versionPk, Release additional, PartyId grantedBy, CancellationToken cancellationToken);
}
