using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Concord.Storage.Sqlite;

/// <summary>
/// A prepared statement bound by position and stepped through SQLite's C API (SQLitePCLRaw, which
/// Microsoft.Data.Sqlite is built on), for bulk writes. It runs on a <see cref="SqliteConnection"/> and inside that
/// connection's transaction, but skips the per-execution parameter lookup and reader objects of ADO.NET: on the
/// import path that overhead was as large as SQLite's own work. Text is encoded into a buffer the statement reuses
/// (SQLite copies it), and an integer or text parameter bound to the value it already holds is not bound again —
/// SQLite keeps bindings from one execution to the next, and in a bulk write most columns repeat (the originator,
/// the time added, the release).
/// </summary>
public sealed class SqliteStatement : IDisposable
{
    private const int Done = 101;
    private const int Row = 100;
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly Slot[] _bound;
    private byte[] _utf8 = new byte[1024];

    /// <summary>Prepares <paramref name="sql"/> on an open connection.</summary>
    public SqliteStatement(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        _bound = new Slot[raw.sqlite3_bind_parameter_count(_statement) + 1];
    }

    /// <summary>Binds an integer to parameter <paramref name="index"/> (from 1).</summary>
    public void Bind(int index, long value)
    {
        ref var slot = ref _bound[index];
        if (slot.Kind == SlotKind.Integer && slot.Integer == value)
        {
            return;
        }

        Check(raw.sqlite3_bind_int64(_statement, index, value));
        slot = new Slot(SlotKind.Integer, value, null);
    }

    /// <summary>Binds text, or NULL when <paramref name="value"/> is null.</summary>
    public void Bind(int index, string? value)
    {
        if (value is null)
        {
            BindNull(index);
            return;
        }

        ref var slot = ref _bound[index];
        if (slot.Kind == SlotKind.Text && string.Equals(slot.Text, value, StringComparison.Ordinal))
        {
            return;
        }

        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_utf8.Length < max)
        {
            _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(value, _utf8);
        Check(raw.sqlite3_bind_text(_statement, index, _utf8.AsSpan(0, length)));
        slot = new Slot(SlotKind.Text, 0, value);
    }

    /// <summary>Binds a blob.</summary>
    public void Bind(int index, ReadOnlySpan<byte> value)
    {
        Check(raw.sqlite3_bind_blob(_statement, index, value));
        _bound[index] = default;
    }

    /// <summary>Binds NULL.</summary>
    public void BindNull(int index)
    {
        ref var slot = ref _bound[index];
        if (slot.Kind == SlotKind.Null)
        {
            return;
        }

        Check(raw.sqlite3_bind_null(_statement, index));
        slot = new Slot(SlotKind.Null, 0, null);
    }

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

    /// <summary>
    /// Steps a statement that returns rows: true while a row is there to read with the column getters. Call
    /// <see cref="Reset"/> when done reading, whether or not every row was read.
    /// </summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == Row)
        {
            return true;
        }

        if (rc != Done)
        {
            raw.sqlite3_reset(_statement);
            Check(rc);
        }

        return false;
    }

    /// <summary>Ends reading, ready for the next binding.</summary>
    public void Reset() => raw.sqlite3_reset(_statement);

    /// <summary>Column <paramref name="column"/> (from 0) of the current row, as an integer.</summary>
    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    /// <summary>True when column <paramref name="column"/> of the current row is NULL.</summary>
    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    /// <summary>Column <paramref name="column"/> of the current row, as text.</summary>
    public string Text(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();

    /// <summary>Column <paramref name="column"/> of the current row, as a copy of its bytes.</summary>
    public byte[] Blob(int column) => raw.sqlite3_column_blob(_statement, column).ToArray();

    private void Check(int rc)
    {
        if (rc != 0)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _statement.Dispose();

    private enum SlotKind : byte
    {
        Unknown,
        Integer,
        Text,
        Null,
    }

    /// <summary>What a parameter was last bound to, as far as rebinding it can be skipped.</summary>
    private readonly record struct Slot(SlotKind Kind, long Integer, string? Text);
}
