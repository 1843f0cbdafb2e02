using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Concord.Cli.Tests.Objects;

/// <summary>
/// DESIGN: "Nothing accepted is ever lost: writes are transactional and survive kill -9." The real executable
/// imports a large bundle in a child process and is killed (SIGKILL) once some batches are committed; the
/// store must then hold whole batches only, each object with its release and search rows, and a second
/// import must complete it with every object present exactly once.
/// </summary>
public sealed class ImportSurvivesKillTests
{
    private const int Objects = 200_000;
    private const int BatchSize = 5000;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task An_import_killed_mid_way_leaves_whole_batches_and_a_rerun_completes_it_exactly_once()
    {
        using var node = TestNode.Create();
        await node.OkAsync("party", "add", "ru-fsb", "--name", "Federal Security Service");
        await node.OkAsync("party", "add", "us-fbi", "--name", "Federal Bureau of Investigation");
        await node.OkAsync("member", "add", "analyst@ru-fsb");
        await node.OkAsync("member", "add", "analyst@us-fbi");
        var bundle = Path.Combine(node.Folder, "big.json");
        await WriteBundleAsync(bundle);
        string[] import = ["import", bundle, "--as", "analyst@ru-fsb", "--party", "us-fbi", "--json", "--store", node.Store];

        var killedOutput = new StringBuilder();
        using (var killed = ConcordProcess.Start(import, killedOutput))
        {
            try
            {
                await WaitUntilSomethingIsCommittedAsync(node.Store, killed, killedOutput);
            }
            finally
            {
                killed.Kill(entireProcessTree: true);
                using var exited = new CancellationTokenSource(Patience);
                await killed.WaitForExitAsync(exited.Token);
            }
        }

        long committed;
        using (var connection = Open(node.Store, SqliteOpenMode.ReadWrite))
        {
            Assert.Equal("ok", Scalar<string>(connection, "PRAGMA integrity_check"));
            committed = Scalar<long>(connection, "SELECT count(*) FROM object_version");
            Assert.InRange(committed, BatchSize, Objects - 1);
            Assert.True(committed % BatchSize == 0, $"{committed} objects stored: not a whole number of {BatchSize}-object batches");
            Assert.Equal(committed, Scalar<long>(connection, $"SELECT count(*) FROM object_version WHERE substr(object_id, 15, 8) < '{committed:x8}'"));
            Assert.Equal(0L, Scalar<long>(connection, "SELECT count(*) FROM object_version v WHERE NOT EXISTS (SELECT 1 FROM version_release r WHERE r.version_pk = v.pk AND r.kind = 0 AND r.target = 'us-fbi')"));
            Assert.Equal(0L, Scalar<long>(connection, "SELECT count(*) FROM version_release r WHERE NOT EXISTS (SELECT 1 FROM object_version v WHERE v.pk = r.version_pk)"));
            Assert.Equal(0L, Scalar<long>(connection, "SELECT count(*) FROM object_version v WHERE v.pk NOT IN (SELECT rowid FROM object_text WHERE object_text MATCH '\"актор\"')"));
            Assert.Equal(committed, Scalar<long>(connection, "SELECT count(*) FROM object_text WHERE object_text MATCH '\"актор\"'"));
        }

        var output = new StringBuilder();
        using (var rerun = ConcordProcess.Start(import, output))
        {
            using var finished = new CancellationTokenSource(Patience);
            try
            {
                await rerun.WaitForExitAsync(finished.Token);
            }
            finally
            {
                // Never leave a child writing into the temp folder after a failed wait.
                rerun.Kill(entireProcessTree: true);
            }

            Assert.True(rerun.ExitCode == 0, $"the re-run exited {rerun.ExitCode}: {output}");
        }

        using var report = JsonDocument.Parse(output.ToString());
        Assert.Equal(committed, report.RootElement.GetProperty("unchanged").GetInt64());
        Assert.Equal(Objects - committed, report.RootElement.GetProperty("inserted").GetInt64());
        Assert.Equal(0, report.RootElement.GetProperty("rejected").GetInt64());
        using (var connection = Open(node.Store, SqliteOpenMode.ReadOnly))
        {
            Assert.Equal(Objects, Scalar<long>(connection, "SELECT count(*) FROM object_version"));
            Assert.Equal(Objects, Scalar<long>(connection, "SELECT count(DISTINCT object_id) FROM object_version"));
            Assert.Equal(Objects, Scalar<long>(connection, "SELECT count(*) FROM object_text WHERE object_text MATCH '\"актор\"'"));
        }

        await node.OkAsync("audit", "verify");
        var last = (await node.OkAsync("get", Id(Objects - 1), "--as", "analyst@us-fbi")).Json();
        Assert.Equal($"Actor {Objects - 1}", last.GetProperty("name").GetString());
    }

    /// <summary>Object i's id carries i in hex in its first UUID group, so "the first n objects" is one SQL condition.</summary>
    private static string Id(int i) => string.Create(CultureInfo.InvariantCulture, $"threat-actor--{i:x8}-0000-4000-8000-000000000000");

    private static Task WriteBundleAsync(string path) =>
        LargeBundle.WriteAsync(path, Objects, Id, i => string.Create(CultureInfo.InvariantCulture, $"Actor {i}"), i => string.Create(CultureInfo.InvariantCulture, $"Актор {i}"));

    /// <summary>Polls the store read-only until the child has committed at least one batch.</summary>
    private static async Task WaitUntilSomethingIsCommittedAsync(string store, Process child, StringBuilder output)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (child.HasExited)
            {
                Assert.Fail($"the import exited ({child.ExitCode}) before it could be killed: {output}");
            }

            Assert.True(waited.Elapsed < Patience, "no batch was committed in the time allowed");
            try
            {
                using var connection = Open(store, SqliteOpenMode.ReadOnly);
                if (Scalar<long>(connection, "SELECT count(*) FROM object_version") > 0)
                {
                    return;
                }
            }
            catch (SqliteException)
            {
                // The writer holds a lock for a moment; ask again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
    }

    private static SqliteConnection Open(string store, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        return connection;
    }

    private static T Scalar<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }
}
