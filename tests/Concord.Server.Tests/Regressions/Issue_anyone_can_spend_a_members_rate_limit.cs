using System.Net;
using Concord.Server.Tests.Auth;
using Concord.Server.Tests.Node;

namespace Concord.Server.Tests.Regressions;

/// <summary>
/// The rate limiter chose its bucket from the key id in the Authorization header before asking whether the key
/// was genuine, so anyone who knew a member's key id (its public part: it is in the audit log and in key
/// listings) could spend that member's requests per minute with wrong secrets and lock the member out.
/// </summary>
public sealed class Issue_anyone_can_spend_a_members_rate_limit
{
    [Fact]
    public async Task Requests_with_a_members_key_id_but_a_wrong_secret_do_not_spend_the_members_budget()
    {
        await using var node = await TestNode.StartAsync(o =>
        {
            o.RequestsPerMinute = 3;
            o.FailedAuthPerMinute = 100;
        });
        var victim = await node.AddPartyAsync("ru-fsb");
        var forged = $"concord_{victim.Key.KeyId}_{new string('A', 43)}";
        Assert.NotEqual(victim.Key.Token, forged);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await AuthenticationTests.SendAsync(node.Client(forged), "GET", "/api/objects")).Status);
        }

        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/api/objects/count")).Status);
    }
}
