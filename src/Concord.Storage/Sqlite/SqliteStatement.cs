using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Concord.Storage.Sqlite;

/// <summary>
/// A prepared statement bound by position and stepped through SQLite's C API (SQLitePCLRaw, which
/// Microsoft.Data.Sqlite is built on), for bulk writes. It runs on a <see cref="SqliteConnection"/> and inside that
/// connection's transaction, but skips the per-execution parameter lookup and reader objects of ADO.NET: on the
/// import path that overhead was as large as SQLite's own work.
/// </summary>
public sealed class SqliteStatement : IDisposable
{
    private const int Done = 101;
    private const int Row = 100;
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    /// <summary>Prepares <paramref name="sql"/> on an open connection.</summary>
    public SqliteStatement(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    /// <summary>Binds an integer to parameter <paramref name="index"/> (from 1).</summary>
    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    /// <summary>Binds text, or NULL when <paramref name="value"/> is null.</summary>
    public void Bind(int index, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text(_statement, index, value));

    /// <summary>Binds a blob.</summary>
    public void Bind(int index, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_blob(_statement, index, value));

    /// <summary>Binds NULL.</summary>
    public void BindNull(int index) => Check(raw.sqlite3_bind_null(_statement, index));

    /// <summary>Runs a statement that returns no rows, then resets it for the next binding.</summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != Done && rc != Row)
        {
            Check(rc);
        }
    }

    private void Check(int rc)
    {
        if (rc != 0)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _statement.Dispose();
}
