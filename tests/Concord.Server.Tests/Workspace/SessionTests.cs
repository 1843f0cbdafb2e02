using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Concord.Server.Tests.Node;
using Concord.Server.Tests.Stix;

namespace Concord.Server.Tests.Workspace;

/// <summary>
/// The browser's session: signing in with a member's key gives an HttpOnly, SameSite=Strict cookie that reads
/// exactly what the key reads; state changes need the CSRF token; signing out, revoking the key or disabling
/// the member ends it.
/// </summary>
public sealed class SessionTests
{
    [Fact]
    public async Task Signing_in_sets_an_http_only_strict_cookie_and_returns_the_csrf_token_but_never_the_key()
    {
        await using var node = await TestNode.StartAsync();
        var party = await node.AddPartyAsync("ru-fsb");
        using var browser = Browser(node);

        using var response = await SignInAsync(browser, party.Key.Token);
        var body = await response.Content.ReadAsStringAsync();
        var cookie = response.Headers.GetValues("Set-Cookie").Single();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("concord_session=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(party.Key.Token, body, StringComparison.Ordinal);
        Assert.Equal("analyst@ru-fsb", JsonNode.Parse(body)!["member"]!.GetValue<string>());
        Assert.Equal(43, JsonNode.Parse(body)!["csrf_token"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task A_session_reads_exactly_what_its_key_reads()
    {
        await using var node = await TestNode.StartAsync();
        var us = await node.AddPartyAsync("us-dni");
        var ru = await node.AddPartyAsync("ru-fsb");
        var pk = await node.AddPartyAsync("pk-isi");
        var secret = StixDraft.Report("Follow-up to the Sharifullah arrest", parties: ["pk-isi"]);
        await us.ImportOkAsync(StixDraft.Bundle(secret));

        foreach (var (party, expected) in new[] { (pk, HttpStatusCode.OK), (ru, HttpStatusCode.NotFound) })
        {
            using var browser = Browser(node);
            (await SignInAsync(browser, party.Key.Token)).Dispose();
            using var byCookie = await browser.GetAsync(new Uri($"/api/objects/{secret.Id}", UriKind.Relative));
            var byKey = await party.GetAsync($"/api/objects/{secret.Id}");

            Assert.Equal(expected, byCookie.StatusCode);
            var body = JsonNode.Parse(await byCookie.Content.ReadAsStringAsync())!.AsObject();
            var expectedBody = byKey.Json.AsObject();
            body.Remove("trace_id");
            expectedBody.Remove("trace_id");
            Assert.Equal(expectedBody.ToJsonString(), body.ToJsonString());
        }
    }

    [Fact]
    public async Task A_state_change_with_the_cookie_needs_the_csrf_token()
    {
        await using var node = await TestNode.StartAsync();
        var party = await node.AddPartyAsync("ru-fsb");
        using var browser = Browser(node);
        using var signIn = await SignInAsync(browser, party.Key.Token);
        var csrf = JsonNode.Parse(await signIn.Content.ReadAsStringAsync())!["csrf_token"]!.GetValue<string>();

        using var without = await browser.PostAsync(new Uri("/api/inbox/read-all", UriKind.Relative), null);
        using var forged = await SendAsync(browser, HttpMethod.Post, "/api/inbox/read-all", "forged-token-of-the-same-length-as-a-real-one");
        using var with = await SendAsync(browser, HttpMethod.Post, "/api/inbox/read-all", csrf);
        using var read = await browser.GetAsync(new Uri("/api/inbox", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, without.StatusCode);
        Assert.Equal("application/problem+json", without.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, with.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await using var node = await TestNode.StartAsync();
        var party = await node.AddPartyAsync("ru-fsb");
        using var browser = Browser(node);
        using var signIn = await SignInAsync(browser, party.Key.Token);
        var csrf = JsonNode.Parse(await signIn.Content.ReadAsStringAsync())!["csrf_token"]!.GetValue<string>();
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];

        using var signOut = await SendAsync(browser, HttpMethod.Delete, "/api/session", csrf);
        using var replayed = new HttpRequestMessage(HttpMethod.Get, "/api/session");
        replayed.Headers.Add("Cookie", cookie);
        using var after = await browser.SendAsync(replayed);

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Revoking_the_key_ends_the_sessions_opened_with_it()
    {
        await using var node = await TestNode.StartAsync();
        var party = await node.AddPartyAsync("ru-fsb");
        using var browser = Browser(node);
        (await SignInAsync(browser, party.Key.Token)).Dispose();

        await node.Admin.RevokeKeyAsync("test", party.Key.KeyId, CancellationToken.None);
        using var after = await browser.GetAsync(new Uri("/api/inbox", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task A_wrong_key_or_a_foreign_origin_cannot_sign_in()
    {
        await using var node = await TestNode.StartAsync();
        var party = await node.AddPartyAsync("ru-fsb");
        using var browser = Browser(node);

        using var wrong = await SignInAsync(browser, party.Key.Token[..^2] + "xx");
        using var foreign = await SignInAsync(browser, party.Key.Token, origin: "http://evil.example");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("/api_key", JsonNode.Parse(await wrong.Content.ReadAsStringAsync())!["pointer"]!.GetValue<string>());
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
    }

    private static HttpClient Browser(TestNode node) => new(new HttpClientHandler { UseCookies = true }) { BaseAddress = node.Address };

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string key, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/session")
        {
            Content = new StringContent(new JsonObject { ["api_key"] = key }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await browser.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient browser, HttpMethod method, string path, string csrf)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-CSRF-Token", csrf);
        return await browser.SendAsync(request);
    }
}
