using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Concord.Server.Tests.Node;
using Microsoft.Data.Sqlite;

namespace Concord.Server.Tests.Admin;

/// <summary>Node administration over <c>/api/admin</c>: the directory round trip, conflicts, bad ids, and the audit check.</summary>
public sealed class AdminApiTests : IAsyncLifetime
{
    private TestNode _node = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        (_node, _) = await TestNode.StartWithPartiesAsync("ru-fsb");
        _admin = await _node.AddAdministratorAsync();
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Parties_channels_members_and_keys_round_trip_and_the_new_key_works_until_revoked()
    {
        var party = await SendAsync("POST", "/api/admin/parties", """{"id":"tj-gknb","name":"State Committee for National Security","country":"TJ","kind":"StateService"}""");
        Assert.Equal(HttpStatusCode.Created, party.Status);
        Assert.Equal("tj-gknb", party.Json["id"]!.GetValue<string>());
        Assert.Equal("TJ", party.Json["country"]!.GetValue<string>());
        Assert.StartsWith("identity--", party.Json["identity"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("tj-gknb", (await SendAsync("GET", "/api/admin/parties")).Json.AsArray().Select(p => p!["id"]!.GetValue<string>()));

        var channel = await SendAsync("POST", "/api/admin/channels", """{"id":"cis-ct-wg","name":"CIS counter-terrorism working group","members":["ru-fsb"]}""");
        Assert.Equal(HttpStatusCode.Created, channel.Status);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync("POST", "/api/admin/channels/cis-ct-wg/members", """{"party":"tj-gknb"}""")).Status);
        var channels = (await SendAsync("GET", "/api/admin/channels")).Json.AsArray();
        Assert.Equal("""["ru-fsb","tj-gknb"]""", channels.Single(c => c!["id"]!.GetValue<string>() == "cis-ct-wg")!["members"]!.ToJsonString());

        var member = await SendAsync("POST", "/api/admin/members", """{"id":"liaison@tj-gknb","display_name":"Liaison officer","role":"Liaison"}""");
        Assert.Equal(HttpStatusCode.Created, member.Status);
        Assert.Equal("Liaison", member.Json["role"]!.GetValue<string>());
        Assert.Contains("liaison@tj-gknb", (await SendAsync("GET", "/api/admin/members?party=tj-gknb")).Json.AsArray().Select(m => m!["id"]!.GetValue<string>()));

        var key = await SendAsync("POST", "/api/admin/members/liaison@tj-gknb/keys");
        Assert.Equal(HttpStatusCode.Created, key.Status);
        var token = key.Json["token"]!.GetValue<string>();
        var keyId = key.Json["key_id"]!.GetValue<string>();
        var liaison = _node.Client(token);
        var me = await Auth.AuthenticationTests.SendAsync(liaison, "GET", "/api/me");
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal("tj-gknb", me.Json["party"]!.GetValue<string>());
        Assert.Equal("""["cis-ct-wg"]""", new JsonArray([.. me.Json["channels"]!.AsArray().Select(c => JsonValue.Create(c!["id"]!.GetValue<string>()))]).ToJsonString());

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync("DELETE", "/api/admin/channels/cis-ct-wg/members/tj-gknb")).Status);
        Assert.Empty((await Auth.AuthenticationTests.SendAsync(liaison, "GET", "/api/me")).Json["channels"]!.AsArray());

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync("DELETE", $"/api/admin/keys/{keyId}")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Auth.AuthenticationTests.SendAsync(liaison, "GET", "/api/me")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync("DELETE", $"/api/admin/keys/{keyId}")).Status);
    }

    public static TheoryData<string, string, string?> Conflicts => new()
    {
        { "/api/admin/parties", """{"id":"ru-fsb","name":"Again"}""", null },
        { "/api/admin/parties", """{"id":"node","name":"Reserved"}""", null },
        { "/api/admin/channels", """{"id":"dup-wg","name":"Again"}""", "/api/admin/channels" },
        { "/api/admin/channels", """{"id":"new-wg","name":"With a stranger","members":["zz-nobody"]}""", null },
        { "/api/admin/channels/no-such-wg/members", """{"party":"ru-fsb"}""", null },
        { "/api/admin/channels/dup-wg/members", """{"party":"zz-nobody"}""", "/api/admin/channels" },
        { "/api/admin/members", """{"id":"analyst@ru-fsb","role":"Analyst"}""", null },
        { "/api/admin/members", """{"id":"analyst@zz-nobody","role":"Analyst"}""", null },
        { "/api/admin/members", """{"id":"clerk@node","role":"Analyst"}""", null },
        { "/api/admin/members/ghost@ru-fsb/keys", "", null },
    };

    [Theory]
    [MemberData(nameof(Conflicts))]
    public async Task A_conflicting_change_gets_409_problem(string path, string body, string? setUp)
    {
        if (setUp is not null)
        {
            Assert.Equal(HttpStatusCode.Created, (await SendAsync("POST", setUp, """{"id":"dup-wg","name":"First"}""")).Status);
        }

        var answer = await SendAsync("POST", path, body);

        Assert.Equal(HttpStatusCode.Conflict, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.False(string.IsNullOrWhiteSpace(answer.Json["detail"]!.GetValue<string>()));
    }

    public static TheoryData<string, string, string> BadIds => new()
    {
        { "/api/admin/parties", """{"id":"Bad_Id","name":"X"}""", "/id" },
        { "/api/admin/parties", """{"id":"ok-party"}""", "/name" },
        { "/api/admin/parties", """{"id":"ok-party","name":"X","country":"Tajikistan"}""", "/country" },
        { "/api/admin/parties", """{"id":"ok-party","name":"X","kind":"Spy"}""", "/kind" },
        { "/api/admin/channels", """{"id":"-wg","name":"X"}""", "/id" },
        { "/api/admin/channels", """{"id":"ok-wg","name":"X","members":["ru-fsb","NOT OK"]}""", "/members/1" },
        { "/api/admin/channels/ok-wg/members", """{"party":"NOT OK"}""", "/party" },
        { "/api/admin/members", """{"id":"nobody","role":"Analyst"}""", "/id" },
        { "/api/admin/members", """{"id":"clerk@ru-fsb","role":"King"}""", "/role" },
        { "/api/admin/members/not-a-member/keys", "", "id" },
    };

    [Theory]
    [MemberData(nameof(BadIds))]
    public async Task A_bad_id_or_value_gets_400_with_a_pointer(string path, string body, string pointer)
    {
        var answer = await SendAsync("POST", path, body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal(pointer, answer.Json["pointer"]!.GetValue<string>());
        Assert.DoesNotContain("ok-party", (await SendAsync("GET", "/api/admin/parties")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_check_reports_an_intact_chain_then_a_broken_one_after_a_row_is_tampered_with()
    {
        await SendAsync("POST", "/api/admin/parties", """{"id":"kg-gknb","name":"Kyrgyz service"}""");

        var intact = await SendAsync("GET", "/api/admin/audit/verify");

        Assert.Equal(HttpStatusCode.OK, intact.Status);
        Assert.True(intact.Json["intact"]!.GetValue<bool>(), intact.Body);
        var entries = intact.Json["entries"]!.GetValue<long>();
        Assert.True(entries >= 5, intact.Body);
        Assert.Null(intact.Json["problem"]?.GetValue<string>());

        await ExecuteSqlAsync("UPDATE audit SET detail = 'kind=Institute' WHERE seq = 2");
        var broken = await SendAsync("GET", "/api/admin/audit/verify");

        Assert.Equal(HttpStatusCode.OK, broken.Status);
        Assert.False(broken.Json["intact"]!.GetValue<bool>(), broken.Body);
        Assert.False(string.IsNullOrWhiteSpace(broken.Json["problem"]!.GetValue<string>()));
        Assert.True(broken.Json["entries"]!.GetValue<long>() < entries, broken.Body);
    }

    [Fact]
    public async Task The_audit_check_notices_a_deleted_row()
    {
        await ExecuteSqlAsync("DELETE FROM audit WHERE seq = 3");

        var broken = await SendAsync("GET", "/api/admin/audit/verify");

        Assert.False(broken.Json["intact"]!.GetValue<bool>(), broken.Body);
    }

    [Fact]
    public async Task The_audit_check_against_an_anchor_notices_entries_cut_off_the_end()
    {
        await SendAsync("POST", "/api/admin/parties", """{"id":"kg-gknb","name":"Kyrgyz service"}""");
        var head = (await SendAsync("GET", "/api/admin/audit/verify")).Json["head"]!.GetValue<string>();
        var sequence = long.Parse(head[..head.IndexOf(':', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);

        var through = await SendAsync("GET", $"/api/admin/audit/verify?anchor={head}");
        Assert.True(through.Json["intact"]!.GetValue<bool>(), through.Body);

        await ExecuteSqlAsync($"DELETE FROM audit WHERE seq = {sequence}");
        var cut = await SendAsync("GET", $"/api/admin/audit/verify?anchor={head}");

        Assert.False(cut.Json["intact"]!.GetValue<bool>(), cut.Body);
        Assert.Contains("removed from its end", cut.Json["problem"]!.GetValue<string>(), StringComparison.Ordinal);
        var malformed = await SendAsync("GET", "/api/admin/audit/verify?anchor=7");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Equal("anchor", malformed.Json["pointer"]!.GetValue<string>());
    }

    private async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _node.DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private async Task<Answer> SendAsync(string method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST")
        {
            request.Content = new StringContent(json is { Length: > 0 } ? json : "{}", Encoding.UTF8, "application/json");
        }

        using var response = await _admin.SendAsync(request);
        return await Answer.ReadAsync(response);
    }
}
