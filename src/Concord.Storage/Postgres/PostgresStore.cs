using System.Globalization;
using Concord.Storage.Audit;
using Concord.Storage.Deconfliction;
using Concord.Storage.Directory;
using Concord.Storage.Federation;
using Concord.Storage.Inbox;
using Concord.Storage.Objects;
using Npgsql;

namespace Concord.Storage.Postgres;

/// <summary>
/// The server store: every table in one PostgreSQL schema of one database, reached through a pooled
/// <see cref="NpgsqlDataSource"/>. Several nodes (or test runs) can share a database by using different
/// schemas; the connection's search path is set to the store's schema and nothing else.
/// </summary>
public sealed class PostgresStore : IConcordStore
{
    /// <summary>The schema used when none is named.</summary>
    public const string DefaultSchema = "public";

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>
    /// Opens (without creating the schema; call <see cref="MigrateAsync"/>) the store reached by an Npgsql
    /// keyword connection string, in <paramref name="schema"/> (default <c>public</c>): 1–63 characters of
    /// a–z, 0–9 and <c>_</c>, not starting with a digit. A <c>Search Path</c> in the connection string is replaced.
    /// </summary>
    public PostgresStore(string connectionString, string? schema = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        schema ??= DefaultSchema;
        if (!IsValidSchemaName(schema))
        {
            throw new ArgumentException("The schema name must be 1-63 characters of a-z, 0-9 and '_', not starting with a digit.", nameof(schema));
        }

        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            throw new ArgumentException("The PostgreSQL connection string names no Host.", nameof(connectionString));
        }

        settings.SearchPath = schema;
        Schema = schema;
        Description = string.Create(
            CultureInfo.InvariantCulture,
            $"postgresql://{(string.IsNullOrEmpty(settings.Username) ? string.Empty : settings.Username + "@")}{settings.Host}:{settings.Port}/{settings.Database}?schema={schema}");
        _dataSource = builder.Build();
        Federation = new PostgresFederationStore(this);
        Directory = new PostgresDirectoryStore(this);
        Objects = new PostgresObjectStore(this);
        Audit = new PostgresAuditLog(this);
        ReadMarks = new SqlReadMarkStore(async ct => await OpenAsync(ct));
        Operations = new SqlOperationStore(
            async ct => await OpenAsync(ct),
            async (connection, ct) =>
            {
                var npgsql = (NpgsqlConnection)connection;
                var tx = await npgsql.BeginTransactionAsync(ct);
                await LockAsync(npgsql, tx, "deconfliction", ct);
                return tx;
            });
    }

    /// <summary>The schema every table lives in.</summary>
    public string Schema { get; }

    /// <inheritdoc />
    public string Description { get; }

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

    /// <summary>True for a schema name this store accepts (so it never needs quoting).</summary>
    public static bool IsValidSchemaName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 63 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Opens a pooled connection whose search path is the store's schema.</summary>
    internal ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>Runs one statement on its own pooled connection; returns the rows it changed.</summary>
    internal async Task<int> ExecuteAsync(string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs one query on its own pooled connection and reads every row with <paramref name="read"/>.</summary>
    internal async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Action<NpgsqlCommand> bind, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        bind(command);
        var result = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(read(reader));
        }

        return result;
    }

    /// <summary>
    /// Takes a transaction-scoped advisory lock named by <paramref name="purpose"/> within this schema, so
    /// writers that must not interleave (audit appends, imports, migrations) queue behind one another.
    /// </summary>
    internal async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string purpose, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", connection, transaction);
        command.Parameters.AddWithValue("key", $"concord:{Schema}:{purpose}");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, tx, "migrate", cancellationToken);
        await using (var create = new NpgsqlCommand(
            $"CREATE SCHEMA IF NOT EXISTS {Schema}; CREATE TABLE IF NOT EXISTS {Schema}.schema_version (version integer NOT NULL, applied bigint NOT NULL)",
            connection,
            tx))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        int current;
        await using (var read = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {Schema}.schema_version", connection, tx))
        {
            current = (int)(await read.ExecuteScalarAsync(cancellationToken))!;
        }

        for (var i = current; i < PostgresSchema.Migrations.Length; i++)
        {
            await using (var migrate = new NpgsqlCommand(PostgresSchema.Migrations[i], connection, tx))
            {
                await migrate.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var record = new NpgsqlCommand($"INSERT INTO {Schema}.schema_version VALUES (@v, @at)", connection, tx);
            record.Parameters.AddWithValue("v", i + 1);
            record.Parameters.AddWithValue("at", DateTimeOffset.UtcNow.UtcTicks);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
