using Microsoft.Data.Sqlite;

namespace Concord.Cli.Tests.Audit;

public sealed class AuditVerifyTests
{
    [Fact]
    public async Task The_chain_is_intact_after_a_session_of_commands()
    {
        using var node = await SessionAsync();

        var plain = await node.OkAsync("audit", "verify");
        var json = (await node.OkAsync("audit", "verify", "--json")).Json();

        Assert.Contains("Audit chain intact", plain.Output, StringComparison.Ordinal);
        Assert.True(json.GetProperty("intact").GetBoolean());
        Assert.Equal(Count(node), json.GetProperty("entries").GetInt64());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("problem").ValueKind);
    }

    [Fact]
    public async Task An_edited_detail_breaks_the_chain_at_that_entry()
    {
        using var node = await SessionAsync();
        Execute(node, "UPDATE audit SET detail = detail || ' (edited)' WHERE seq = 5");

        var result = await node.RunAsync("audit", "verify");

        result.AssertOneErrorLine("entry 5 ");
    }

    [Fact]
    public async Task A_deleted_entry_breaks_the_chain_where_it_was()
    {
        using var node = await SessionAsync();
        Execute(node, "DELETE FROM audit WHERE seq = 7");

        var result = await node.RunAsync("audit", "verify", "--json");

        result.AssertOneErrorLine("entry 7 ");
        Assert.False(result.Json().GetProperty("intact").GetBoolean());
        Assert.Equal(6, result.Json().GetProperty("entries").GetInt64());
    }

    [Fact]
    public async Task Two_swapped_entries_break_the_chain_at_the_first()
    {
        using var node = await SessionAsync();
        Execute(node, "UPDATE audit SET seq = -1 WHERE seq = 3; UPDATE audit SET seq = 3 WHERE seq = 4; UPDATE audit SET seq = 4 WHERE seq = -1");

        var result = await node.RunAsync("audit", "verify");

        result.AssertOneErrorLine("entry 3 ");
    }

    [Fact]
    public async Task A_forged_last_entry_breaks_the_chain()
    {
        using var node = await SessionAsync();
        var last = Count(node);
        Execute(node, $"UPDATE audit SET actor = 'someone@else' WHERE seq = {last}");

        var result = await node.RunAsync("audit", "verify");

        result.AssertOneErrorLine($"entry {last} ");
    }

    [Fact]
    public async Task Entries_cut_off_the_end_pass_alone_but_fail_against_the_anchor_printed_before()
    {
        using var node = await SessionAsync();
        var head = (await node.OkAsync("audit", "verify", "--json")).Json().GetProperty("head").GetString()!;
        var last = Count(node);
        Assert.StartsWith($"{last}:", head, StringComparison.Ordinal);
        Assert.Contains(head, (await node.OkAsync("audit", "verify")).Output, StringComparison.Ordinal);
        await node.OkAsync("audit", "verify", "--anchor", head);

        Execute(node, $"DELETE FROM audit WHERE seq > {last - 3}");

        await node.OkAsync("audit", "verify");
        var result = await node.RunAsync("audit", "verify", "--anchor", head, "--json");
        result.AssertOneErrorLine($"the chain ends at entry {last - 3} but the anchor names entry {last}");
        Assert.False(result.Json().GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task A_chain_rebuilt_with_fresh_hashes_fails_against_an_older_anchor()
    {
        using var node = await SessionAsync();
        var head = (await node.OkAsync("audit", "verify", "--json")).Json().GetProperty("head").GetString()!;
        var sequence = long.Parse(head[..head.IndexOf(':', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        var forged = $"{sequence}:{new string('0', 64)}";

        var result = await node.RunAsync("audit", "verify", "--anchor", forged);

        result.AssertOneErrorLine($"entry {sequence} does not match the anchor");
    }

    [Theory]
    [InlineData("12", "written sequence:hash")]
    [InlineData("0:abc", "'0' is not a positive whole number")]
    [InlineData("5:xyz", "'xyz' is not 64 hexadecimal digits")]
    public async Task A_malformed_anchor_is_refused_with_what_is_wrong(string anchor, string expected)
    {
        using var node = await SessionAsync();

        var result = await node.RunAsync("audit", "verify", "--anchor", anchor);

        result.AssertOneErrorLine(expected);
    }

    /// <summary>A node after a little of everything: administration, an import, reads, a release.</summary>
    private static async Task<TestNode> SessionAsync()
    {
        var node = await TestNode.CreateWithPartiesAsync();
        var id = Stix.NewId();
        var file = node.WriteFile("b.json", Stix.Bundle(Stix.ThreatActor(id, "Audited actor", tlp: Domain.Stix.TlpLevel.Clear)));
        await node.OkAsync("key", "create", "analyst@ru-fsb");
        await node.OkAsync("import", file, "--as", "analyst@ru-fsb");
        await node.OkAsync("get", id, "--as", "analyst@ru-fsb", "--purpose", "assessment");
        await node.OkAsync("search", "Audited", "--as", "analyst@ru-fsb");
        await node.OkAsync("release", id, "--as", "analyst@ru-fsb", "--party", "us-fbi");
        await node.RunAsync("get", Stix.NewId(), "--as", "analyst@pk-isi");
        await node.OkAsync("export", "--as", "analyst@us-fbi", "--out", Path.Combine(node.Folder, "out.json"));
        return node;
    }

    private static SqliteConnection Open(TestNode node)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = node.Store, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(TestNode node, string sql)
    {
        using var connection = Open(node);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Count(TestNode node)
    {
        using var connection = Open(node);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM audit";
        return (long)command.ExecuteScalar()!;
    }
}
