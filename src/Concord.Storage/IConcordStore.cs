using Concord.Storage.Audit;
using Concord.Storage.Deconfliction;
using Concord.Storage.Directory;
using Concord.Storage.Federation;
using Concord.Storage.Inbox;
using Concord.Storage.Objects;

namespace Concord.Storage;

/// <summary>
/// One node's store, behind one contract for every engine (SQLite by default, PostgreSQL for scale): the
/// directory of parties, channels, members and keys; the object versions; and the audit chain.
/// </summary>
public interface IConcordStore : IAsyncDisposable
{
    /// <summary>Where the store lives, for people (never includes a password).</summary>
    string Description { get; }

    /// <summary>Parties, channels, members, keys.</summary>
    IDirectoryStore Directory { get; }

    /// <summary>Object versions, read only through a reader.</summary>
    IObjectStore Objects { get; }

    /// <summary>The hash-chained audit log.</summary>
    IAuditLog Audit { get; }

    /// <summary>Planned operations, their conflicts and notices (never readable as objects).</summary>
    IOperationStore Operations { get; }

    /// <summary>Each member's inbox read marks.</summary>
    IReadMarkStore ReadMarks { get; }

    /// <summary>The node's identity and key, its peers, sync cursors and what federation keeps.</summary>
    IFederationStore Federation { get; }

    /// <summary>Creates or upgrades the schema.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);
}
