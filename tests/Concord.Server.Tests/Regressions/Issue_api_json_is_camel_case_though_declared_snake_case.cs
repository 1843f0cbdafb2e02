using System.Net;
using System.Text;
using Concord.Server.Tests.Node;

namespace Concord.Server.Tests.Regressions;

/// <summary>
/// The server's JSON context declares snake_case names (like STIX and the CLI's JSON), but the HTTP JSON options
/// it was chained into kept ASP.NET Core's camelCase policy, which wins at run time: a new key came back as
/// <c>keyId</c> and a member's <c>display_name</c> was silently ignored.
/// </summary>
public sealed class Issue_api_json_is_camel_case_though_declared_snake_case
{
    [Fact]
    public async Task Admin_bodies_read_and_write_snake_case_names()
    {
        await using var node = await TestNode.StartAsync();
        await node.AddPartyAsync("ru-fsb");
        var admin = await node.AddAdministratorAsync();

        using var memberBody = new StringContent("""{"id":"liaison@ru-fsb","display_name":"Liaison officer","role":"Liaison"}""", Encoding.UTF8, "application/json");
        var member = await Answer.ReadAsync(await admin.PostAsync(new Uri("/api/admin/members", UriKind.Relative), memberBody));
        using var keyBody = new StringContent("{}", Encoding.UTF8, "application/json");
        var key = await Answer.ReadAsync(await admin.PostAsync(new Uri("/api/admin/members/liaison@ru-fsb/keys", UriKind.Relative), keyBody));

        Assert.Equal(HttpStatusCode.Created, member.Status);
        Assert.Equal("Liaison officer", member.Json["display_name"]?.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, key.Status);
        Assert.Matches("^[0-9a-f]{16}$", key.Json["key_id"]?.GetValue<string>() ?? string.Empty);
    }
}
