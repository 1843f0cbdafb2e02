using Concord.Storage.Import;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Concord.Domain.Stix;
using Concord.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Concord.Bench;

/// <summary>
/// The floor of the import benchmark: the same rows (version, release, full-text) with the same schema and
/// indexes, inserted straight through Microsoft.Data.Sqlite with prepared statements in transactions of the importer's batch size —
/// no parsing, validation, version checks or audit. Row values are prepared off the clock.
/// </summary>
internal static class ImportFloor
{
    public static async Task<TimeSpan> RunSqliteAsync(string file, string store, CancellationToken cancellationToken)
    {
        await using var sqlite = new SqliteStore(store);
        await sqlite.MigrateAsync(cancellationToken);
        sqlite.StartBackgroundCheckpoints();

        var rows = ReadRows(file);
        await using var connection = new SqliteConnection($"Data Source={store};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = SqliteStore.ConnectionPragmas + " PRAGMA wal_autocheckpoint = 0;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        var clock = new Stopwatch();
        long pk = 0;
        var batch = new List<Row>(ImportRequest.DefaultBatchSize);
        foreach (var row in rows)
        {
            batch.Add(row);
            if (batch.Count == ImportRequest.DefaultBatchSize)
            {
                pk = await InsertAsync(connection, batch, pk, clock, cancellationToken);
                batch.Clear();
            }
        }

        await InsertAsync(connection, batch, pk, clock, cancellationToken);
        return clock.Elapsed;
    }

    private static async Task<long> InsertAsync(SqliteConnection connection, List<Row> batch, long pk, Stopwatch clock, CancellationToken cancellationToken)
    {
        clock.Start();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        using var version = connection.CreateCommand();
        version.Transaction = tx;
        version.CommandText = "INSERT INTO object_version (pk, object_id, type, version, originator, revoked, tlp, caveats, purpose, restriction, grading, added, digest, json, id_key) VALUES ($pk, $id, $type, $version, 'bench-party', 0, 2, 0, NULL, NULL, 'B2', $added, $digest, $json, $key)";
        var vp = new[] { "$pk", "$id", "$type", "$version", "$added", "$digest", "$json", "$key" }.Select(n => version.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        using var release = connection.CreateCommand();
        release.Transaction = tx;
        release.CommandText = "INSERT INTO version_release (version_pk, kind, target, granted_by) VALUES ($pk, 1, 'bench-channel', 'bench-party')";
        var rp = release.Parameters.Add(new SqliteParameter { ParameterName = "$pk" });
        using var text = connection.CreateCommand();
        text.Transaction = tx;
        text.CommandText = "INSERT INTO object_text (rowid, text) VALUES ($pk, $text)";
        var tp = text.Parameters.Add(new SqliteParameter { ParameterName = "$pk" });
        var tt = text.Parameters.Add(new SqliteParameter { ParameterName = "$text" });
        var added = DateTimeOffset.UtcNow.UtcTicks;
        foreach (var row in batch)
        {
            pk++;
            vp[0].Value = pk;
            vp[1].Value = row.Id;
            vp[2].Value = row.Type;
            vp[3].Value = row.Version;
            vp[4].Value = added;
            vp[5].Value = row.Digest;
            vp[6].Value = row.Json;
            vp[7].Value = row.Key;
            version.ExecuteNonQuery();
            rp.Value = pk;
            release.ExecuteNonQuery();
            tp.Value = pk;
            tt.Value = row.Text;
            text.ExecuteNonQuery();
        }

        await tx.CommitAsync(cancellationToken);
        clock.Stop();
        return pk;
    }

    /// <summary>The rows the import would store, streamed from the bundle (parsed here, off the clock).</summary>
    public static IEnumerable<Row> ReadRows(string file)
    {
        using var stream = File.OpenRead(file);
        var parser = new BundleParser();
        while (true)
        {
            var step = parser.Next(out var entry);
            if (step == BundleParser.Step.End)
            {
                yield break;
            }

            if (step == BundleParser.Step.NeedMoreData)
            {
                parser.Advance(stream.Read(parser.GetFillBuffer().Span));
                continue;
            }

            var valid = StixValidator.Validate(entry!.Json);
            var obj = valid.Object!;
            var digest = new byte[16];
            Random.Shared.NextBytes(digest);
            var id = obj.Id.ToString();
            yield return new Row(id, SqliteIdKey.Of(id), obj.Type, obj.Version.Ticks, obj.Json.ToArray(), obj.SearchText, digest);
        }
    }

    internal sealed record Row(string Id, long Key, string Type, long Version, byte[] Json, string Text, byte[] Digest);
}
