using Concord.Storage.Audit;
using Concord.Storage.Deconfliction;
using Concord.Storage.Directory;
using Concord.Storage.Federation;
using Concord.Storage.Inbox;
using Concord.Storage.Objects;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Every write is a transaction; with WAL and
/// <c>synchronous=NORMAL</c> a committed transaction survives the process being killed.
/// </summary>
public sealed class SqliteStore : IConcordStore
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writerGate = new(1, 1);
    private SqliteConnection? _writer;
    private SqliteCheckpointer? _checkpointer;
    private volatile bool _walRestartWanted;

    /// <summary>Opens (without creating the schema; call <see cref="MigrateAsync"/>) the store in <paramref name="path"/>.</summary>
    public SqliteStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        Federation = new SqliteFederationStore(this);
        Directory = new SqliteDirectoryStore(this);
        Objects = new SqliteObjectStore(this);
        Audit = new SqliteAuditLog(this);
        ReadMarks = new SqlReadMarkStore(async ct => await OpenAsync(ct));
        Operations = new SqlOperationStore(
            async ct => await OpenAsync(ct),
            async (connection, ct) => await ((SqliteConnection)connection).BeginTransactionAsync(ct));
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public string Description => $"sqlite:{Path}";

    /// <inheritdoc />
    public IDirectoryStore Directory { get; }

    /// <inheritdoc />
    public IObjectStore Objects { get; }

    /// <inheritdoc />
    public IAuditLog Audit { get; }

    /// <inheritdoc />
    public IOperationStore Operations { get; }

    /// <inheritdoc />
    public IReadMarkStore ReadMarks { get; }

    /// <inheritdoc />
    public IFederationStore Federation { get; }

    /// <summary>
    /// Per-connection settings: foreign keys on; <c>synchronous=NORMAL</c>, which in WAL mode keeps every committed
    /// transaction through a process kill; a 64 MiB page cache so index updates stay in memory; temp data in memory.
    /// </summary>
    public const string ConnectionPragmas =
        "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;";

    /// <summary>
    /// Opens a pooled connection with the per-connection settings applied. While the background checkpointer runs,
    /// connections leave checkpoints to it; otherwise each checkpoints on commit past SQLite's usual 1,000 pages.
    /// </summary>
    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = ConnectionPragmas + AutocheckpointPragma;
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>Checkpoints on commit (SQLite's usual 1,000 pages) unless the background checkpointer runs.</summary>
    private string AutocheckpointPragma =>
        Volatile.Read(ref _checkpointer) is null ? "PRAGMA wal_autocheckpoint = 1000;" : "PRAGMA wal_autocheckpoint = 0;";

    /// <summary>
    /// Lends the store's writer connection to a bulk writer (an import session, an audit append) when no one holds it,
    /// or opens a pooled connection when someone does. SQLite drops a connection's page cache whenever another
    /// connection has written since its last transaction; writing through one connection keeps the index pages of a
    /// large store in memory from one batch (or pushed page) to the next instead of reading them all again.
    /// </summary>
    internal async Task<WriterLease> LeaseWriterAsync(CancellationToken cancellationToken)
    {
        if (!_writerGate.Wait(0, CancellationToken.None))
        {
            return new WriterLease(await OpenAsync(cancellationToken), null);
        }

        try
        {
            if (_writer is null)
            {
                _writer = await OpenAsync(cancellationToken);
            }
            else
            {
                // The background checkpointer may have started since the connection was opened.
                using var pragma = _writer.CreateCommand();
                pragma.CommandText = AutocheckpointPragma;
                pragma.ExecuteNonQuery();
            }

            return new WriterLease(_writer, this);
        }
        catch
        {
            _writerGate.Release();
            throw;
        }
    }

    private async ValueTask ReturnWriterAsync(SqliteConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            // Broken: the next lease opens a fresh one.
            _writer = null;
            await connection.DisposeAsync();
        }

        _writerGate.Release();
    }

    /// <summary>A connection lent for writing; disposing it returns the store's writer connection or closes a pooled one.</summary>
    internal sealed class WriterLease(SqliteConnection connection, SqliteStore? owner) : IAsyncDisposable
    {
        public SqliteConnection Connection { get; } = connection;

        public ValueTask DisposeAsync() => owner is null ? Connection.DisposeAsync() : owner.ReturnWriterAsync(Connection);
    }

    /// <summary>Set by the background checkpointer when the WAL is long; the next bulk commit restarts it.</summary>
    internal bool WalRestartWanted
    {
        get => _walRestartWanted;
        set => _walRestartWanted = value;
    }

    /// <summary>
    /// After a commit, with no transaction open: restarts the WAL if the checkpointer asked, so the next transaction
    /// writes from the start of the file again. A reader still on an older snapshot makes it give up at once (no
    /// waiting); it is asked again after a later commit.
    /// </summary>
    internal void RestartWalIfWanted(SqliteConnection connection)
    {
        if (!_walRestartWanted)
        {
            return;
        }

        using var restart = connection.CreateCommand();
        restart.CommandText = "PRAGMA busy_timeout = 0; PRAGMA wal_checkpoint(RESTART);";
        try
        {
            using var reader = restart.ExecuteReader();
            do
            {
                if (reader.Read() && reader.FieldCount >= 3 && reader.GetInt64(0) == 0)
                {
                    _walRestartWanted = false;
                }
            }
            while (reader.NextResult());
        }
        catch (SqliteException)
        {
            // Busy or the disk at fault: the next commit tries again.
        }
        finally
        {
            restart.CommandText = "PRAGMA busy_timeout = 30000;";
            restart.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Starts checkpointing the WAL in the background (if not already started) for the rest of this store's life; a
    /// bulk writer calls it before opening its connection. Connections opened afterwards do not checkpoint on commit.
    /// </summary>
    public void StartBackgroundCheckpoints()
    {
        if (Volatile.Read(ref _checkpointer) is null)
        {
            var started = SqliteCheckpointer.Start(this);
            if (Interlocked.CompareExchange(ref _checkpointer, started, null) is not null)
            {
                started.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
    }

    /// <inheritdoc />
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            System.IO.Directory.CreateDirectory(directory);
        }

        await using var connection = await OpenAsync(cancellationToken);
        if (await CurrentVersionAsync(connection, cancellationToken) == SqliteSchema.Migrations.Length)
        {
            // Up to date: a read-only check, so commands that only read never queue behind a writer.
            return;
        }

        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        using (var create = connection.CreateCommand())
        {
            create.Transaction = tx;
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied INTEGER NOT NULL)";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        long current;
        using (var read = connection.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version";
            current = (long)(await read.ExecuteScalarAsync(cancellationToken))!;
        }

        connection.CreateFunction(SqliteIdKey.FunctionName, (string id) => SqliteIdKey.Of(id), isDeterministic: true);
        for (var i = (int)current; i < SqliteSchema.Migrations.Length; i++)
        {
            using var migrate = connection.CreateCommand();
            migrate.Transaction = tx;
            migrate.CommandText = SqliteSchema.Migrations[i] + "; INSERT INTO schema_version VALUES ($v, $at);";
            migrate.Parameters.AddWithValue("$v", i + 1);
            migrate.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.UtcTicks);
            await migrate.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    private static async Task<long> CurrentVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT CASE WHEN EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version') THEN 1 ELSE 0 END";
        if ((long)(await read.ExecuteScalarAsync(cancellationToken))! == 0)
        {
            return 0;
        }

        read.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version";
        return (long)(await read.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _checkpointer, null) is { } checkpointer)
        {
            await checkpointer.DisposeAsync();
        }

        await _writerGate.WaitAsync();
        if (_writer is { } writer)
        {
            _writer = null;
            await writer.DisposeAsync();
        }

        _writerGate.Release();

        // Closing the pooled connections lets the last one checkpoint the WAL into the database file.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
