using System.Text;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Storage.Objects;
using Npgsql;
using NpgsqlTypes;

namespace Concord.Storage.Postgres;

/// <summary>Object reads and writes on PostgreSQL. Every read is filtered by <see cref="PostgresReadFilter"/>.</summary>
internal sealed class PostgresObjectStore(PostgresStore store) : IObjectStore
{
    /// <inheritdoc />
    public int ImportChunk => int.MaxValue;

    public async Task<IImportSession> BeginImportAsync(bool allOrNothing, CancellationToken cancellationToken)
    {
        var connection = await store.OpenAsync(cancellationToken);
        try
        {
            return await PostgresImportSession.StartAsync(store, connection, allOrNothing, cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
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
        var order = newestFirst ? "v.version DESC, v.pk DESC LIMIT 1" : "v.version, v.pk";
        await using var command = new NpgsqlCommand(
            $"SELECT {VersionRow.Columns("v")} FROM object_version v WHERE v.object_id = @id AND {PostgresReadFilter.Readable("v")} ORDER BY {order}",
            connection);
        command.Parameters.Add(new NpgsqlParameter<string>("id", NpgsqlDbType.Text) { TypedValue = id.ToString() });
        PostgresReadFilter.Bind(command, reader);
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
        await using var command = new NpgsqlCommand { Connection = connection };
        command.CommandText = $"SELECT {VersionRow.Columns("v")} FROM object_version v WHERE {Where(command, reader, query)} ORDER BY v.pk{(query.NewestFirst ? " DESC" : string.Empty)} LIMIT @limit";
        command.Parameters.Add(new NpgsqlParameter<int>("limit", NpgsqlDbType.Integer) { TypedValue = limit + 1 });
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
        await using var command = new NpgsqlCommand { Connection = connection };
        command.CommandText = $"SELECT count(*) FROM object_version v WHERE {Where(command, reader, query)}";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public IAsyncEnumerable<StoredVersion> ExportAsync(Reader reader, ObjectQuery query, CancellationToken cancellationToken) =>
        ObjectPaging.ExportAsync((page, ct) => ListAsync(reader, page, ct), query, cancellationToken);

    public async Task AddReleaseAsync(long versionPk, Release additional, PartyId grantedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(additional);
        var rows = additional.Parties.Select(p => (Kind: VersionRow.PartyKind, Target: p.Value))
            .Concat(additional.Channels.Select(c => (Kind: VersionRow.ChannelKind, Target: c.Value)))
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "WITH added AS (INSERT INTO version_release (version_pk, kind, target, granted_by) SELECT @pk, k, t, @by FROM unnest(@kinds, @targets) AS r(k, t) "
            + "ON CONFLICT DO NOTHING) "
            // A widened version is news to whoever it now reaches: federation pushes it from this log.
            + "INSERT INTO release_change (version_pk, object_id) SELECT pk, object_id FROM object_version WHERE pk = @pk",
            connection);
        command.Parameters.Add(new NpgsqlParameter<long>("pk", NpgsqlDbType.Bigint) { TypedValue = versionPk });
        command.Parameters.Add(new NpgsqlParameter<string>("by", NpgsqlDbType.Text) { TypedValue = grantedBy.Value });
        command.Parameters.Add(new NpgsqlParameter<int[]>("kinds", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = rows.Select(r => r.Kind).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]>("targets", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = rows.Select(r => r.Target).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The WHERE clause for "latest readable version of each object (or every readable version), matching the query".</summary>
    private static string Where(NpgsqlCommand command, Reader reader, ObjectQuery query)
    {
        PostgresReadFilter.Bind(command, reader);
        var where = new StringBuilder(PostgresReadFilter.Readable("v"));
        if (query.After is { } after)
        {
            where.Append(query.NewestFirst ? " AND v.pk < @after" : " AND v.pk > @after");
            command.Parameters.Add(new NpgsqlParameter<long>("after", NpgsqlDbType.Bigint) { TypedValue = after });
        }

        if (query.Type is { } type)
        {
            where.Append(" AND v.type = @type");
            command.Parameters.Add(new NpgsqlParameter<string>("type", NpgsqlDbType.Text) { TypedValue = type });
        }

        if (query.Originator is { } originator)
        {
            where.Append(" AND v.originator = @originator");
            command.Parameters.Add(new NpgsqlParameter<string>("originator", NpgsqlDbType.Text) { TypedValue = originator.Value });
        }

        if (query.Channel is { } channel)
        {
            where.Append($" AND EXISTS (SELECT 1 FROM version_release rc WHERE rc.version_pk = v.pk AND rc.kind = {VersionRow.ChannelKind} AND rc.target = @channel)");
            command.Parameters.Add(new NpgsqlParameter<string>("channel", NpgsqlDbType.Text) { TypedValue = channel.Value });
        }

        if (query.ModifiedAfter is { } modifiedAfter)
        {
            where.Append(" AND v.version > @modified_after");
            command.Parameters.Add(new NpgsqlParameter<long>("modified_after", NpgsqlDbType.Bigint) { TypedValue = modifiedAfter });
        }

        if (query.ModifiedBefore is { } modifiedBefore)
        {
            where.Append(" AND v.version < @modified_before");
            command.Parameters.Add(new NpgsqlParameter<long>("modified_before", NpgsqlDbType.Bigint) { TypedValue = modifiedBefore });
        }

        if (query.Tlp is { } tlp)
        {
            where.Append(" AND v.tlp = @tlp");
            command.Parameters.Add(new NpgsqlParameter<int>("tlp", NpgsqlDbType.Integer) { TypedValue = (int)tlp });
        }

        if (query.ReceivedOnly)
        {
            where.Append(" AND v.originator <> @reader_party");
        }

        if (query.References is { } target)
        {
            where.Append(" AND v.type IN ('relationship', 'sighting') AND @ref IN (convert_from(v.json, 'UTF8')::jsonb ->> 'source_ref', "
                + "convert_from(v.json, 'UTF8')::jsonb ->> 'target_ref', convert_from(v.json, 'UTF8')::jsonb ->> 'sighting_of_ref')");
            command.Parameters.Add(new NpgsqlParameter<string>("ref", NpgsqlDbType.Text) { TypedValue = target.ToString() });
        }

        var words = SearchTerms.Split(query.Text);
        if (words.Count > 0)
        {
            where.Append(" AND v.search @@ to_tsquery('simple', @text)");
            command.Parameters.Add(new NpgsqlParameter<string>("text", NpgsqlDbType.Text) { TypedValue = SearchTerms.ToTsQuery(words) });
        }

        if (query.AddedAfter is { } addedAfter)
        {
            where.Append(" AND v.added > @added_after");
            command.Parameters.Add(new NpgsqlParameter<long>("added_after", NpgsqlDbType.Bigint) { TypedValue = addedAfter });
        }

        if (query.AllVersions)
        {
            return where.ToString();
        }

        where.Append(" AND NOT EXISTS (SELECT 1 FROM object_version w WHERE w.object_id = v.object_id AND (w.version > v.version OR (w.version = v.version AND w.pk > v.pk)) AND ")
            .Append(PostgresReadFilter.Readable("w")).Append(')');
        return where.ToString();
    }

    private static async Task<IReadOnlyList<StoredVersion>> ReadVersionsAsync(NpgsqlConnection connection, NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<VersionRow>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new VersionRow(
                    reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetBoolean(4),
                    reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.GetInt32(6),
                    reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                    reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetInt64(10), reader.GetFieldValue<byte[]>(11)));
            }
        }

        if (rows.Count == 0)
        {
            return [];
        }

        var releases = rows.ToDictionary(r => r.Pk, _ => new List<(int, string)>());
        await using var release = new NpgsqlCommand("SELECT version_pk, kind, target FROM version_release WHERE version_pk = ANY(@pks)", connection);
        release.Parameters.Add(new NpgsqlParameter<long[]>("pks", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = rows.Select(r => r.Pk).ToArray() });
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
