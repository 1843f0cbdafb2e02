using System.Text;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Storage.Objects;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Sqlite;

/// <summary>Object reads and writes on SQLite. Every read is filtered by <see cref="SqliteReadFilter"/>.</summary>
internal sealed class SqliteObjectStore(SqliteStore store) : IObjectStore
{
    /// <summary>
    /// A thousand: with whole 10,000-object transactions in flight the collector spent ≈ 15 % of a 1M import copying
    /// them, with the writer stopped; in chunks most validated objects die young.
    /// </summary>
    public int ImportChunk => 1000;

    public async Task<IImportSession> BeginImportAsync(bool allOrNothing, CancellationToken cancellationToken)
    {
        return await SqliteImportSession.StartAsync(store, allOrNothing, cancellationToken);
    }

    public async Task<StoredVersion?> GetLatestAsync(Reader reader, StixId id, CancellationToken cancellationToken)
    {
        var rows = await QueryVersionsAsync(reader, id, newestFirst: true, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<IReadOnlyList<StoredVersion>> GetVersionsAsync(Reader reader, StixId id, CancellationToken cancellationToken) =>
        QueryVersionsAsync(reader, id, newestFirst: false, cancellationToken);

    private async Task<IReadOnlyList<StoredVersion>> QueryVersionsAsync(Reader reader, StixId id, bool newestFirst, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        await using var connection = await store.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        var order = newestFirst ? "v.version DESC, v.pk DESC LIMIT 1" : "v.version, v.pk";
        command.CommandText = $"SELECT {VersionRow.Columns("v")} FROM object_version v WHERE v.id_key = $key AND v.object_id = $id AND {SqliteReadFilter.Readable("v")} ORDER BY {order}";
        var idText = id.ToString();
        command.Parameters.AddWithValue("$key", SqliteIdKey.Of(idText));
        command.Parameters.AddWithValue("$id", idText);
        SqliteReadFilter.Bind(command, reader);
        return await ReadVersionsAsync(connection, command, cancellationToken);
    }

    public async Task<ObjectPage> ListAsync(Reader reader, ObjectQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(query);
        var limit = ObjectPaging.LimitOf(query);
        if (ObjectPaging.NamesForeignChannel(reader, query))
        {
            return new ObjectPage([], null);
        }

        await using var connection = await store.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {VersionRow.Columns("v")} FROM object_version v WHERE {Where(command, reader, query)} ORDER BY v.pk{(query.NewestFirst ? " DESC" : string.Empty)} LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit + 1);
        var items = await ReadVersionsAsync(connection, command, cancellationToken);
        return ObjectPaging.PageOf(items, limit);
    }

    public async Task<long> CountAsync(Reader reader, ObjectQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(query);
        if (ObjectPaging.NamesForeignChannel(reader, query))
        {
            return 0;
        }

        await using var connection = await store.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM object_version v WHERE {Where(command, reader, query)}";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public IAsyncEnumerable<StoredVersion> ExportAsync(Reader reader, ObjectQuery query, CancellationToken cancellationToken) =>
        ObjectPaging.ExportAsync((page, ct) => ListAsync(reader, page, ct), query, cancellationToken);

    public async Task AddReleaseAsync(long versionPk, Release additional, PartyId grantedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(additional);
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "INSERT OR IGNORE INTO version_release (version_pk, kind, target, granted_by) VALUES ($pk, $kind, $target, $by)";
        var kind = command.Parameters.Add("$kind", SqliteType.Integer);
        var target = command.Parameters.Add("$target", SqliteType.Text);
        command.Parameters.AddWithValue("$pk", versionPk);
        command.Parameters.AddWithValue("$by", grantedBy.Value);
        foreach (var (k, t) in additional.Parties.Select(p => (VersionRow.PartyKind, p.Value)).Concat(additional.Channels.Select(c => (VersionRow.ChannelKind, c.Value))))
        {
            kind.Value = k;
            target.Value = t;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        // A widened version is news to whoever it now reaches: federation pushes it from this log (its store
        // position is old, so the push cursor has passed it).
        using var change = connection.CreateCommand();
        change.Transaction = tx;
        change.CommandText = "INSERT INTO release_change (version_pk, object_id) SELECT pk, object_id FROM object_version WHERE pk = $pk";
        change.Parameters.AddWithValue("$pk", versionPk);
        await change.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>The WHERE clause for "latest readable version of each object (every readable version with AllVersions), matching the query".</summary>
    private static string Where(SqliteCommand command, Reader reader, ObjectQuery query)
    {
        SqliteReadFilter.Bind(command, reader);
        var where = new StringBuilder(SqliteReadFilter.Readable("v"));
        if (query.After is { } after)
        {
            where.Append(query.NewestFirst ? " AND v.pk < $after" : " AND v.pk > $after");
            command.Parameters.AddWithValue("$after", after);
        }

        if (query.Type is { } type)
        {
            where.Append(" AND v.type = $type");
            command.Parameters.AddWithValue("$type", type);
        }

        if (query.Originator is { } originator)
        {
            where.Append(" AND v.originator = $originator");
            command.Parameters.AddWithValue("$originator", originator.Value);
        }

        if (query.Channel is { } channel)
        {
            where.Append($" AND EXISTS (SELECT 1 FROM version_release rc WHERE rc.version_pk = v.pk AND rc.kind = {VersionRow.ChannelKind} AND rc.target = $channel)");
            command.Parameters.AddWithValue("$channel", channel.Value);
        }

        if (query.ModifiedAfter is { } modifiedAfter)
        {
            where.Append(" AND v.version > $modified_after");
            command.Parameters.AddWithValue("$modified_after", modifiedAfter);
        }

        if (query.ModifiedBefore is { } modifiedBefore)
        {
            where.Append(" AND v.version < $modified_before");
            command.Parameters.AddWithValue("$modified_before", modifiedBefore);
        }

        if (query.Tlp is { } tlp)
        {
            where.Append(" AND v.tlp = $tlp");
            command.Parameters.AddWithValue("$tlp", (int)tlp);
        }

        if (query.ReceivedOnly)
        {
            where.Append(" AND v.originator <> $reader_party");
        }

        if (query.References is { } target)
        {
            // The JSON is stored as text in a BLOB: cast it, or SQLite would read the BLOB as its binary JSONB.
            where.Append(" AND v.type IN ('relationship', 'sighting') AND $ref IN (json_extract(CAST(v.json AS TEXT), '$.source_ref'), "
                + "json_extract(CAST(v.json AS TEXT), '$.target_ref'), json_extract(CAST(v.json AS TEXT), '$.sighting_of_ref'))");
            command.Parameters.AddWithValue("$ref", target.ToString());
        }

        var words = SearchTerms.Split(query.Text);
        if (words.Count > 0)
        {
            where.Append(" AND v.pk IN (SELECT rowid FROM object_text WHERE object_text MATCH $text)");
            command.Parameters.AddWithValue("$text", SearchTerms.ToFts5(words));
        }

        if (query.AddedAfter is { } addedAfter)
        {
            where.Append(" AND v.added > $added_after");
            command.Parameters.AddWithValue("$added_after", addedAfter);
        }

        if (query.AllVersions)
        {
            return where.ToString();
        }

        where.Append(" AND NOT EXISTS (SELECT 1 FROM object_version w WHERE w.id_key = v.id_key AND w.object_id = v.object_id AND (w.version > v.version OR (w.version = v.version AND w.pk > v.pk)) AND ")
            .Append(SqliteReadFilter.Readable("w")).Append(')');
        return where.ToString();
    }

    private static async Task<IReadOnlyList<StoredVersion>> ReadVersionsAsync(SqliteConnection connection, SqliteCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<VersionRow>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new VersionRow(
                    reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetInt64(4) != 0,
                    reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.GetInt32(6),
                    reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                    reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetInt64(10), (byte[])reader.GetValue(11)));
            }
        }

        if (rows.Count == 0)
        {
            return [];
        }

        var releases = rows.ToDictionary(r => r.Pk, _ => new List<(int, string)>());
        using var release = connection.CreateCommand();
        release.CommandText = "SELECT version_pk, kind, target FROM version_release WHERE version_pk IN (SELECT value FROM json_each($pks))";
        release.Parameters.AddWithValue("$pks", "[" + string.Join(',', rows.Select(r => r.Pk)) + "]");
        await using (var reader = await release.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                releases[reader.GetInt64(0)].Add((reader.GetInt32(1), reader.GetString(2)));
            }
        }

        return rows.Select(r => r.ToStored(releases[r.Pk])).ToList();
    }
}
