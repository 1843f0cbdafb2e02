using Concord.Storage.Import;
using System.Diagnostics;
using Concord.Storage.Objects;
using Concord.Storage.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Concord.Bench;

/// <summary>
/// The PostgreSQL floor: the same rows through the same path the store's bulk writer uses — binary COPY into a
/// staging table, one INSERT … SELECT that builds the search vector, binary COPY of the release rows — in 5,000-row
/// transactions, without parsing, validation, version decisions or audit. Row values are prepared off the clock.
/// </summary>
internal static class PostgresFloor
{
    private const string Columns = "pk, object_id, type, version, originator, revoked, tlp, caveats, purpose, restriction, grading, added, digest, json";

    public static async Task<TimeSpan> RunAsync(string file, string connectionString, string schema, CancellationToken cancellationToken)
    {
        await using (var migrate = new PostgresStore(connectionString, schema))
        {
            await migrate.MigrateAsync(cancellationToken);
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var create = new NpgsqlCommand($"CREATE TEMP TABLE floor_stage ({string.Join(", ", Columns.Split(", ").Select(c => c + " " + TypeOf(c)))}, search_text text)", connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var clock = new Stopwatch();
        var pk = 0L;
        var batch = new List<ImportFloor.Row>(ImportRequest.DefaultBatchSize);
        foreach (var row in ImportFloor.ReadRows(file))
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

    private static string TypeOf(string column) => column switch
    {
        "pk" or "version" or "added" => "bigint",
        "revoked" => "boolean",
        "tlp" or "caveats" => "integer",
        "digest" or "json" => "bytea",
        _ => "text",
    };

    private static async Task<long> InsertAsync(NpgsqlConnection connection, List<ImportFloor.Row> batch, long pk, Stopwatch clock, CancellationToken cancellationToken)
    {
        clock.Start();
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var added = DateTimeOffset.UtcNow.UtcTicks;
        var first = pk;
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY floor_stage ({Columns}, search_text) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in batch)
            {
                pk++;
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(pk, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(row.Id, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(row.Type, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(row.Version, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync("bench-party", NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean, cancellationToken);
                await copy.WriteAsync(2, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteNullAsync(cancellationToken);
                await copy.WriteNullAsync(cancellationToken);
                await copy.WriteAsync("B2", NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(added, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(row.Digest, NpgsqlDbType.Bytea, cancellationToken);
                await copy.WriteAsync(row.Json, NpgsqlDbType.Bytea, cancellationToken);
                await copy.WriteAsync(SearchTerms.ToIndexText(row.Text), NpgsqlDbType.Text, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using (var move = new NpgsqlCommand($"WITH staged AS (DELETE FROM floor_stage RETURNING *) INSERT INTO object_version ({Columns}, search) SELECT {Columns}, to_tsvector('simple', search_text) FROM staged", connection, tx))
        {
            await move.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY version_release (version_pk, kind, target, granted_by) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var p = first + 1; p <= pk; p++)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(p, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(1, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync("bench-channel", NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync("bench-party", NpgsqlDbType.Text, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        clock.Stop();
        return pk;
    }
}
