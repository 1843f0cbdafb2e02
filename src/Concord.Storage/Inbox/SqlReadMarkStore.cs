using System.Data.Common;
using Concord.Domain.Directory;
using Concord.Domain.Stix;

namespace Concord.Storage.Inbox;

/// <summary>Read marks on either backend, in the SQL SQLite and PostgreSQL share (named parameters, <c>ON CONFLICT</c>).</summary>
internal sealed class SqlReadMarkStore(Func<CancellationToken, Task<DbConnection>> open) : IReadMarkStore
{
    /// <summary>The most versions one call reads or marks; callers page above it.</summary>
    public const int MaxVersions = 1000;

    public async Task<ReadMarks> GetAsync(MemberId member, IReadOnlyCollection<ObjectVersionKey> versions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versions);
        Check(versions);
        await using var connection = await open(cancellationToken);
        DateTimeOffset? upTo = null;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT at FROM read_watermark WHERE member_id = @member";
            Add(command, "member", member.ToString());
            if (await command.ExecuteScalarAsync(cancellationToken) is { } at and not DBNull)
            {
                upTo = new DateTimeOffset(Convert.ToInt64(at, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero);
            }
        }

        var read = new HashSet<ObjectVersionKey>();
        var wanted = versions.ToHashSet();
        foreach (var chunk in wanted.Select(v => v.Id.ToString()).Distinct(StringComparer.Ordinal).Chunk(100))
        {
            await using var command = connection.CreateCommand();
            var names = new List<string>();
            for (var i = 0; i < chunk.Length; i++)
            {
                names.Add("@id" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Add(command, "id" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), chunk[i]);
            }

            command.CommandText = $"SELECT object_id, version FROM read_mark WHERE member_id = @member AND object_id IN ({string.Join(", ", names)})";
            Add(command, "member", member.ToString());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = new ObjectVersionKey(StixId.Parse(reader.GetString(0)), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
                if (wanted.Contains(key))
                {
                    read.Add(key);
                }
            }
        }

        return new ReadMarks(read, upTo);
    }

    public async Task MarkAsync(MemberId member, IReadOnlyCollection<ObjectVersionKey> versions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versions);
        Check(versions);
        if (versions.Count == 0)
        {
            return;
        }

        await using var connection = await open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO read_mark (member_id, object_id, version, marked) VALUES (@member, @id, @version, @marked) ON CONFLICT DO NOTHING";
        Add(command, "member", member.ToString());
        Add(command, "marked", DateTimeOffset.UtcNow.UtcTicks);
        var id = Add(command, "id", string.Empty);
        var version = Add(command, "version", 0L);
        foreach (var v in versions.Distinct())
        {
            id.Value = v.Id.ToString();
            version.Value = v.Version;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task MarkAllAsync(MemberId member, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO read_watermark (member_id, at) VALUES (@member, @at) ON CONFLICT (member_id) DO UPDATE SET at = excluded.at";
        Add(command, "member", member.ToString());
        Add(command, "at", at.UtcTicks);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Check(IReadOnlyCollection<ObjectVersionKey> versions)
    {
        if (versions.Count > MaxVersions)
        {
            throw new ArgumentException($"at most {MaxVersions} versions at a time", nameof(versions));
        }
    }

    private static DbParameter Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
