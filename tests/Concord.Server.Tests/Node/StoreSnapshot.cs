using Microsoft.Data.Sqlite;

namespace Concord.Server.Tests.Node;

/// <summary>Every stored version and release row of a node's SQLite file, as text, to compare before and after.</summary>
internal static class StoreSnapshot
{
    public static async Task<IReadOnlyList<string>> TakeAsync(string databasePath)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var rows = new List<string>();
        foreach (var sql in new[]
        {
            "SELECT pk, object_id, type, version, originator, revoked, tlp, caveats, purpose, restriction, grading, added, hex(digest), hex(json) FROM object_version ORDER BY pk",
            "SELECT version_pk, kind, target, granted_by FROM version_release ORDER BY version_pk, kind, target",
        })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }
        }

        return rows;
    }
}
