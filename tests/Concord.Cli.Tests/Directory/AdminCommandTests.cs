using System.Text.Json;
using System.Text.RegularExpressions;

namespace Concord.Cli.Tests.Directory;

public sealed partial class AdminCommandTests
{
    [GeneratedRegex("concord_[0-9a-f]{16}_[A-Za-z0-9_-]+")]
    private static partial Regex Token();

    [Fact]
    public async Task Init_prints_an_admin_key_once_and_a_second_run_says_the_store_is_up_to_date()
    {
        using var node = TestNode.Create();

        var first = await node.OkAsync("init");
        var second = await node.OkAsync("init");

        Assert.Single(Token().Matches(first.Output));
        Assert.Contains("admin@node", first.Output, StringComparison.Ordinal);
        Assert.Contains("up to date", second.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(Token(), second.Output);
        var keys = (await node.OkAsync("key", "list", "admin@node", "--json")).Json();
        Assert.Equal(1, keys.GetArrayLength());
    }

    [Fact]
    public async Task Init_with_json_prints_the_admin_key_as_an_object()
    {
        using var node = TestNode.Create();

        var key = (await node.OkAsync("init", "--json")).Json();

        Assert.Equal("admin@node", key.GetProperty("member").GetString());
        var keyId = key.GetProperty("key_id").GetString()!;
        Assert.Matches("^[0-9a-f]{16}$", keyId);
        Assert.StartsWith($"concord_{keyId}_", key.GetProperty("token").GetString(), StringComparison.Ordinal);
        Assert.True(key.GetProperty("created").GetBoolean());
    }

    [Fact]
    public async Task A_second_init_with_json_prints_an_object_without_a_key()
    {
        using var node = TestNode.Create();
        await node.OkAsync("init", "--json");

        var again = await node.OkAsync("init", "--json");

        var json = again.Json();
        Assert.False(json.GetProperty("created").GetBoolean());
        Assert.Equal("admin@node", json.GetProperty("member").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("token").ValueKind);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("store").GetString()));
        Assert.DoesNotMatch(Token(), again.Output);
    }

    [Fact]
    public async Task Party_add_and_list_show_the_stored_parties_as_tables_and_as_json()
    {
        using var node = TestNode.Create();

        var added = (await node.OkAsync("party", "add", "ru-fsb", "--name", "Federal Security Service", "--country", "RU", "--json")).Json();
        var table = await node.OkAsync("party", "add", "osce", "--name", "OSCE", "--kind", "InternationalOrganisation");
        var listed = (await node.OkAsync("party", "list", "--json")).Json();
        var listTable = await node.OkAsync("party", "list");

        var party = Assert.Single(added.EnumerateArray());
        Assert.Equal("ru-fsb", party.GetProperty("id").GetString());
        Assert.Equal("Federal Security Service", party.GetProperty("name").GetString());
        Assert.Equal("RU", party.GetProperty("country").GetString());
        Assert.Equal("StateService", party.GetProperty("kind").GetString());
        Assert.StartsWith("identity--", party.GetProperty("identity").GetString(), StringComparison.Ordinal);
        Assert.Contains("osce", table.Output, StringComparison.Ordinal);
        Assert.Equal(["osce", "ru-fsb"], listed.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        var osce = listed.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "osce");
        Assert.Equal(JsonValueKind.Null, osce.GetProperty("country").ValueKind);
        Assert.Equal("InternationalOrganisation", osce.GetProperty("kind").GetString());
        Assert.Contains("ru-fsb", listTable.Output, StringComparison.Ordinal);
        Assert.Contains("osce", listTable.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Channel_add_join_leave_and_list_keep_the_membership_and_print_it()
    {
        using var node = await TestNode.CreateWithPartiesAsync();

        var added = (await node.OkAsync("channel", "add", "kabul-conf", "--name", "Kabul conference", "--description", "Regional roadmap", "--member", "ru-fsb", "--member", "pk-isi", "--json")).Json();
        var joined = (await node.OkAsync("channel", "join", "kabul-conf", "us-fbi", "--json")).Json();
        var left = (await node.OkAsync("channel", "leave", "kabul-conf", "ru-fsb", "--json")).Json();
        var listed = (await node.OkAsync("channel", "list", "--json")).Json();
        var table = await node.OkAsync("channel", "list");

        var channel = Assert.Single(added.EnumerateArray());
        Assert.Equal("kabul-conf", channel.GetProperty("id").GetString());
        Assert.Equal("Kabul conference", channel.GetProperty("name").GetString());
        Assert.Equal("Regional roadmap", channel.GetProperty("description").GetString());
        Assert.Equal(["pk-isi", "ru-fsb"], Members(channel));
        Assert.Equal(["pk-isi", "ru-fsb", "us-fbi"], Members(Assert.Single(joined.EnumerateArray())));
        Assert.Equal(["pk-isi", "us-fbi"], Members(Assert.Single(left.EnumerateArray())));
        Assert.Equal(["kabul-conf", "us-ru-wg"], listed.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(["ru-fsb", "us-fbi"], Members(listed.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "us-ru-wg")));
        Assert.Contains("Kabul conference", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Member_add_and_list_show_members_with_their_roles_and_filter_by_party()
    {
        using var node = await TestNode.CreateWithPartiesAsync();

        var added = (await node.OkAsync("member", "add", "liaison@ru-fsb", "--role", "Liaison", "--display", "Liaison officer", "--json")).Json();
        var table = await node.OkAsync("member", "add", "duty@us-fbi", "--role", "DutyOfficer");
        var ofRussia = (await node.OkAsync("member", "list", "--party", "ru-fsb", "--json")).Json();
        var all = (await node.OkAsync("member", "list", "--json")).Json();

        var member = Assert.Single(added.EnumerateArray());
        Assert.Equal("liaison@ru-fsb", member.GetProperty("id").GetString());
        Assert.Equal("Liaison officer", member.GetProperty("display_name").GetString());
        Assert.Equal("Liaison", member.GetProperty("role").GetString());
        Assert.False(member.GetProperty("disabled").GetBoolean());
        Assert.Contains("duty@us-fbi", table.Output, StringComparison.Ordinal);
        Assert.Equal(["analyst@ru-fsb", "liaison@ru-fsb"], ofRussia.EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal(
            ["admin@node", "analyst@pk-isi", "analyst@ru-fsb", "analyst@us-fbi", "duty@us-fbi", "liaison@ru-fsb"],
            all.EnumerateArray().Select(m => m.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Key_create_list_and_revoke_show_the_token_once_and_never_again()
    {
        using var node = await TestNode.CreateWithPartiesAsync();

        var created = (await node.OkAsync("key", "create", "analyst@ru-fsb", "--json")).Json();
        var plain = await node.OkAsync("key", "create", "analyst@ru-fsb");
        var keyId = created.GetProperty("key_id").GetString()!;
        var token = created.GetProperty("token").GetString()!;
        var before = (await node.OkAsync("key", "list", "analyst@ru-fsb", "--json")).Json();
        var revoked = await node.OkAsync("key", "revoke", keyId);
        var after = (await node.OkAsync("key", "list", "analyst@ru-fsb", "--json")).Json();
        var table = await node.OkAsync("key", "list", "analyst@ru-fsb");
        var again = await node.RunAsync("key", "revoke", keyId);

        Assert.Equal("analyst@ru-fsb", created.GetProperty("member").GetString());
        Assert.StartsWith($"concord_{keyId}_", token, StringComparison.Ordinal);
        Assert.Single(Token().Matches(plain.Output));
        Assert.Equal(2, before.GetArrayLength());
        Assert.All(before.EnumerateArray(), k => Assert.Equal(JsonValueKind.Null, k.GetProperty("revoked").ValueKind));
        Assert.Contains(keyId, revoked.Output, StringComparison.Ordinal);
        var entry = after.EnumerateArray().Single(k => k.GetProperty("key_id").GetString() == keyId);
        Assert.Equal("analyst@ru-fsb", entry.GetProperty("member").GetString());
        Assert.Equal(JsonValueKind.String, entry.GetProperty("revoked").ValueKind);
        Assert.DoesNotMatch(Token(), after.GetRawText());
        Assert.DoesNotMatch(Token(), table.Output);
        again.AssertOneErrorLine(keyId);
    }

    [Theory]
    [InlineData("--country", "party", "add", "kz-knb", "--name", "KNB", "--country", "kz")]
    [InlineData("--country", "party", "add", "kz-knb", "--name", "KNB", "--country", "KAZ")]
    [InlineData("'KZ_KNB'", "party", "add", "KZ_KNB", "--name", "KNB")]
    [InlineData("'node'", "party", "add", "node", "--name", "Reserved")]
    [InlineData("ru-fsb", "party", "add", "ru-fsb", "--name", "Duplicate")]
    [InlineData("--name", "party", "add", "kz-knb")]
    [InlineData("--kind", "party", "add", "kz-knb", "--name", "KNB", "--kind", "Militia")]
    [InlineData("--bogus", "party", "add", "kz-knb", "--name", "KNB", "--bogus")]
    [InlineData("'no-such-party'", "channel", "add", "new-wg", "--name", "WG", "--member", "ru-fsb", "--member", "no-such-party")]
    [InlineData("'Bad Channel'", "channel", "add", "Bad Channel", "--name", "WG")]
    [InlineData("us-ru-wg", "channel", "add", "us-ru-wg", "--name", "Again")]
    [InlineData("'no-such-party'", "channel", "join", "us-ru-wg", "no-such-party")]
    [InlineData("'no-such-channel'", "channel", "join", "no-such-channel", "pk-isi")]
    [InlineData("'no-such-channel'", "channel", "leave", "no-such-channel", "pk-isi")]
    [InlineData("'PK'", "channel", "join", "us-ru-wg", "PK")]
    [InlineData("'no-such-party'", "member", "add", "analyst@no-such-party")]
    [InlineData("'analyst'", "member", "add", "analyst")]
    [InlineData("analyst@ru-fsb", "member", "add", "analyst@ru-fsb")]
    [InlineData("@node", "member", "add", "ops@node", "--role", "Analyst")]
    [InlineData("--role", "member", "add", "chief@ru-fsb", "--role", "General")]
    [InlineData("--party", "member", "list", "--party", "RU FSB")]
    [InlineData("'ghost@ru-fsb'", "key", "create", "ghost@ru-fsb")]
    [InlineData("'ghost'", "key", "list", "ghost")]
    [InlineData("'0123456789abcdef'", "key", "revoke", "0123456789abcdef")]
    public async Task Bad_admin_input_exits_1_with_one_line_naming_it(string named, params string[] args)
    {
        using var node = await TestNode.CreateWithPartiesAsync();

        var result = await node.RunAsync(args);

        result.AssertOneErrorLine(named);
    }

    private static IEnumerable<string?> Members(JsonElement channel) =>
        channel.GetProperty("members").EnumerateArray().Select(m => m.GetString());
}
