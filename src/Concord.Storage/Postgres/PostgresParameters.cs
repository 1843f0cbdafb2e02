using Npgsql;
using NpgsqlTypes;

namespace Concord.Storage.Postgres;

/// <summary>Typed command parameters for the PostgreSQL stores: a null value becomes SQL NULL of the column's type.</summary>
internal static class PostgresParameters
{
    /// <summary>A <c>text</c> parameter.</summary>
    public static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    /// <summary>A <c>bytea</c> parameter.</summary>
    public static NpgsqlParameter Bytes(string name, byte[]? value) =>
        new(name, NpgsqlDbType.Bytea) { Value = (object?)value ?? DBNull.Value };

    /// <summary>A <c>bigint</c> parameter.</summary>
    public static NpgsqlParameter<long> Bigint(string name, long value) =>
        new(name, NpgsqlDbType.Bigint) { TypedValue = value };

    /// <summary>An <c>integer</c> parameter.</summary>
    public static NpgsqlParameter<int> Integer(string name, int value) =>
        new(name, NpgsqlDbType.Integer) { TypedValue = value };

    /// <summary>A <c>boolean</c> parameter.</summary>
    public static NpgsqlParameter<bool> Boolean(string name, bool value) =>
        new(name, NpgsqlDbType.Boolean) { TypedValue = value };

    /// <summary>An instant as ticks in a <c>bigint</c>.</summary>
    public static NpgsqlParameter<long> Ticks(string name, DateTimeOffset at) => Bigint(name, at.UtcTicks);

    /// <summary>A <c>text[]</c> parameter.</summary>
    public static NpgsqlParameter<string[]> TextArray(string name, string[] values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = values };
}
