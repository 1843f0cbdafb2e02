using System.Net;
using System.Net.Http.Headers;
using Concord.Server.Tests.Auth;
using Concord.Server.Tests.Node;

namespace Concord.Server.Tests.Regressions;

/// <summary>
/// The 401 challenge looked for the authentication failure in a request feature that ASP.NET Core sets only on
/// success, so every refusal said "send 'Authorization: Bearer &lt;api key&gt;'" — even to a client that had sent
/// exactly that with a revoked key.
/// </summary>
public sealed class Issue_401_hides_why_the_key_was_refused
{
    [Fact]
    public async Task A_refused_key_is_told_the_key_is_unknown_or_revoked_and_a_missing_one_is_told_to_send_one()
    {
        await using var node = await TestNode.StartAsync();
        var party = await node.AddPartyAsync("ru-fsb");
        await node.Admin.RevokeKeyAsync("test", party.Key.KeyId, CancellationToken.None);
        var basic = node.Client(null);
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "cnUtZnNiOnNlY3JldA==");
        var digest = node.Client(null);
        digest.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Digest", "username=\"ru-fsb\"");

        var revoked = await AuthenticationTests.SendAsync(party.Http, "GET", "/api/objects");
        var missing = await AuthenticationTests.SendAsync(node.Client(null), "GET", "/api/objects");
        var wrongScheme = await AuthenticationTests.SendAsync(digest, "GET", "/api/objects");
        var wrongBasicPassword = await AuthenticationTests.SendAsync(basic, "GET", "/api/objects");

        Assert.Equal(HttpStatusCode.Unauthorized, revoked.Status);
        Assert.Equal("unknown or revoked API key", revoked.Json["detail"]!.GetValue<string>());
        Assert.Equal("send 'Authorization: Bearer <api key>'", missing.Json["detail"]!.GetValue<string>());
        Assert.Equal("the Authorization header must be 'Bearer <api key>' (or HTTP Basic with the API key as the password)", wrongScheme.Json["detail"]!.GetValue<string>());
        Assert.Equal("unknown or revoked API key", wrongBasicPassword.Json["detail"]!.GetValue<string>());
    }
}
