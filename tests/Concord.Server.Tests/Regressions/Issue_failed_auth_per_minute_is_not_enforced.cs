using System.Net;
using Concord.Server.Tests.Auth;
using Concord.Server.Tests.Node;

namespace Concord.Server.Tests.Regressions;

/// <summary>
/// <c>ServerOptions.FailedAuthPerMinute</c> promised that a client address failing authentication too often is
/// slowed down, but nothing read it: a client could try keys without limit.
/// </summary>
public sealed class Issue_failed_auth_per_minute_is_not_enforced
{
    [Fact]
    public async Task An_address_past_its_failed_authentications_per_minute_gets_429_while_good_keys_still_work()
    {
        await using var node = await TestNode.StartAsync(o => o.FailedAuthPerMinute = 2);
        var party = await node.AddPartyAsync("ru-fsb");
        var guesser = node.Client("concord_0123456789abcdef_" + new string('A', 43));

        var first = await AuthenticationTests.SendAsync(guesser, "GET", "/api/objects");
        var second = await AuthenticationTests.SendAsync(guesser, "GET", "/api/objects");
        var third = await AuthenticationTests.SendAsync(guesser, "GET", "/api/objects");

        Assert.Equal(HttpStatusCode.Unauthorized, first.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, second.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
        Assert.Equal("application/problem+json", third.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await party.GetAsync("/api/objects")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AuthenticationTests.SendAsync(node.Client(null), "GET", "/api/objects")).Status);
    }
}
