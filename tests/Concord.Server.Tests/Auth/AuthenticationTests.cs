using System.Net;
using System.Net.Http.Headers;
using Concord.Server.Tests.Node;
using Concord.Server.Tests.Wire;

namespace Concord.Server.Tests.Auth;

/// <summary>API keys: who gets in, who does not, and that a refused key tells nothing about why.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private TestNode _node = null!;
    private PartyClient _party = null!;

    public async Task InitializeAsync()
    {
        (_node, var parties) = await TestNode.StartWithPartiesAsync("ru-fsb");
        _party = parties[0];
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Theory]
    [InlineData("GET", "/api/objects")]
    [InlineData("GET", "/api/objects/threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")]
    [InlineData("POST", "/api/bundles")]
    [InlineData("GET", "/api/me")]
    [InlineData("GET", "/api/admin/parties")]
    public async Task A_request_without_a_key_gets_401_problem_with_a_bearer_challenge(string method, string path)
    {
        var answer = await SendAsync(_node.Client(null), method, path);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal("Bearer", answer.Header("WWW-Authenticate"));
        Assert.Equal(401, answer.Json["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_header_that_is_not_a_bearer_token_gets_401()
    {
        var client = _node.Client(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "cnUtZnNiOnNlY3JldA==");

        var answer = await SendAsync(client, "GET", "/api/objects");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal("Bearer", answer.Header("WWW-Authenticate"));
    }

    [Fact]
    public async Task Malformed_unknown_revoked_and_wrong_secret_keys_all_get_the_same_401()
    {
        var revoked = await _node.AddPartyAsync("pk-isi");
        Assert.True(await _node.Admin.RevokeKeyAsync("test", revoked.Key.KeyId, CancellationToken.None));
        var token = _party.Key.Token;
        var wrongSecret = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");
        var unknown = "concord_0123456789abcdef_" + token[^43..];

        var answers = new List<Answer>();
        foreach (var key in new[] { "not-a-key", unknown, revoked.Key.Token, wrongSecret, token + "x" })
        {
            answers.Add(await SendAsync(_node.Client(key), "GET", "/api/objects"));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.Status));
        Assert.All(answers, a => Assert.Equal("Bearer", a.Header("WWW-Authenticate")));
        Assert.Single(answers.Select(a => Scrubber.WithoutTraceId(a.Body)).Distinct());
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(_party.Http, "GET", "/api/objects")).Status);
    }

    [Theory]
    [InlineData("GET", "/api/objects")]
    [InlineData("GET", "/api/objects/count")]
    [InlineData("GET", "/api/objects/threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")]
    [InlineData("GET", "/api/bundles")]
    [InlineData("POST", "/api/bundles")]
    [InlineData("GET", "/api/channels")]
    public async Task An_administrator_key_reads_and_writes_no_stix_data(string method, string path)
    {
        var admin = await _node.AddAdministratorAsync();

        var answer = await SendAsync(admin, method, path);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
    }

    [Theory]
    [InlineData("GET", "/api/admin/parties")]
    [InlineData("POST", "/api/admin/parties")]
    [InlineData("GET", "/api/admin/channels")]
    [InlineData("GET", "/api/admin/members")]
    [InlineData("POST", "/api/admin/members/analyst@ru-fsb/keys")]
    [InlineData("DELETE", "/api/admin/keys/0123456789abcdef")]
    [InlineData("GET", "/api/admin/audit/verify")]
    public async Task A_party_key_gets_403_on_administration(string method, string path)
    {
        var answer = await SendAsync(_party.Http, method, path);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal("this member's role may not do that", answer.Json["detail"]!.GetValue<string>());
    }

    internal static async Task<Answer> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method is "POST")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return await Answer.ReadAsync(response);
    }
}
