using System.Net;
using System.Text.Json.Nodes;
using Concord.Domain.Stix;
using Concord.Server.Tests.Node;
using Concord.Server.Tests.Stix;
using Concord.Server.Tests.Wire;

namespace Concord.Server.Tests.Releasability;

/// <summary>
/// A party the originator did not release an object to: the object does not exist for it on any route — a 404
/// byte-identical to that of an id never used, and never a hit, a count or an exported object.
/// </summary>
public sealed class NonRecipientTests(NonRecipientTests.Scenario scenario) : IClassFixture<NonRecipientTests.Scenario>
{
    private readonly PartyClient _recipient = scenario.Recipient;
    private readonly PartyClient _outsider = scenario.Outsider;
    private readonly StixDraft _secret = scenario.Secret;
    private readonly StixDraft _own = scenario.Own;

    /// <summary>
    /// us-fbi releases an AMBER, ORCON, graded threat-actor (two versions) to the us-ru-wg channel; pk-isi, in
    /// another channel with us-fbi, holds a threat-actor of its own matching the same searches. Nothing in the
    /// tests changes it, so the tests share it.
    /// </summary>
    public sealed class Scenario : IAsyncLifetime
    {
        private TestNode _node = null!;

        public PartyClient Recipient { get; private set; } = null!;

        public PartyClient Outsider { get; private set; } = null!;

        public StixDraft Secret { get; private set; } = null!;

        public StixDraft Own { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            (_node, var parties) = await TestNode.StartWithPartiesAsync("us-fbi", "ru-fsb", "pk-isi");
            var originator = parties[0];
            (Recipient, Outsider) = (parties[1], parties[2]);
            await _node.AddChannelAsync("us-ru-wg", "us-fbi", "ru-fsb");
            await _node.AddChannelAsync("kabul-conf", "us-fbi", "pk-isi");

            Secret = StixDraft.ThreatActor("Khorasan Vilayat cell Zarafshan", channels: ["us-ru-wg"]) with
            {
                Description = "Courier network Termez Mazar-i-Sharif",
                Created = StixDraft.Epoch.AddHours(7).AddMinutes(13).AddMilliseconds(417),
                Modified = StixDraft.Epoch.AddHours(7).AddMinutes(13).AddMilliseconds(417),
                Tlp = TlpLevel.Amber,
                Caveats = ["ORCON"],
                Grading = "B2",
            };
            await originator.ImportOkAsync(StixDraft.Bundle(Secret, Secret.Next() with { Name = "Khorasan Vilayat cell Zarafshan-2" }));
            Own = StixDraft.ThreatActor("Khorasan Vilayat facilitator", channels: ["kabul-conf"]);
            await Outsider.ImportOkAsync(StixDraft.Bundle(Own));
        }

        public async Task DisposeAsync() => await _node.DisposeAsync();
    }

    public static TheoryData<string, string> IdRoutes => new()
    {
        { "GET", "/api/objects/{0}" },
        { "GET", "/api/objects/{0}/versions" },
        { "POST", "/api/objects/{0}/release" },
        { "GET", "/api/objects/{0}/relationships" },
        { "GET", "/api/objects/{0}/graph" },
        { "GET", "/api/objects/{0}/forwarding" },
    };

    [Theory]
    [MemberData(nameof(IdRoutes))]
    public async Task A_non_recipient_gets_a_404_identical_to_that_of_an_id_never_used(string method, string route)
    {
        var unreleased = await SendAsync(_outsider, method, string.Format(System.Globalization.CultureInfo.InvariantCulture, route, _secret.Id));
        var neverUsed = await SendAsync(_outsider, method, string.Format(System.Globalization.CultureInfo.InvariantCulture, route, $"threat-actor--{Guid.NewGuid()}"));

        Assert.Equal(HttpStatusCode.NotFound, unreleased.Status);
        Assert.Equal("application/problem+json", unreleased.MediaType);
        Assert.Equal(neverUsed.Status, unreleased.Status);
        Assert.Equal(neverUsed.MediaType, unreleased.MediaType);
        Assert.Equal(Scrubber.WithoutTraceId(neverUsed.Body), Scrubber.WithoutTraceId(unreleased.Body));
        Assert.Equal(neverUsed.Header("Content-Length"), unreleased.Header("Content-Length"));
        AssertRevealsNothing(unreleased.Body);
    }

    [Theory]
    [InlineData("{\"parties\": [")]
    [InlineData("{\"parties\": [\"NOT A PARTY\"]}")]
    [InlineData("{\"parties\": 7}")]
    [InlineData("")]
    public async Task A_bad_release_body_gets_the_same_answer_for_an_unreadable_id_as_for_an_id_never_used(string body)
    {
        var unreleased = await _outsider.PostJsonAsync($"/api/objects/{_secret.Id}/release", body);
        var neverUsed = await _outsider.PostJsonAsync($"/api/objects/threat-actor--{Guid.NewGuid()}/release", body);

        Assert.True((int)unreleased.Status is >= 400 and < 500, unreleased.ToString());
        Assert.Equal(neverUsed.Status, unreleased.Status);
        Assert.Equal(Scrubber.WithoutTraceId(neverUsed.Body), Scrubber.WithoutTraceId(unreleased.Body));
        AssertRevealsNothing(unreleased.Body);
    }

    [Theory]
    [MemberData(nameof(IdRoutes))]
    public async Task A_recipient_reaches_the_same_routes_so_the_404_is_not_vacuous(string method, string route)
    {
        var answer = await SendAsync(_recipient, method, string.Format(System.Globalization.CultureInfo.InvariantCulture, route, _secret.Id));

        // Releasing an ORCON item onward is refused, but only a reader learns that.
        Assert.Equal(method == "POST" ? HttpStatusCode.Forbidden : HttpStatusCode.OK, answer.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("q=khorasan")]
    [InlineData("q=Zarafshan")]
    [InlineData("q=Termez")]
    [InlineData("q=khorasan%20vilayat%20cell")]
    [InlineData("type=threat-actor")]
    [InlineData("originator=us-fbi")]
    [InlineData("channel=us-ru-wg")]
    [InlineData("channel=kabul-conf")]
    [InlineData("type=threat-actor&originator=us-fbi&channel=us-ru-wg&q=khorasan")]
    public async Task Lists_counts_searches_and_exports_never_show_the_object_to_a_non_recipient(string query)
    {
        var listed = await _outsider.ListAllAsync(query, limit: 1);
        var exported = await _outsider.ExportAsync(query);
        var count = await _outsider.CountAsync(query);

        Assert.DoesNotContain(listed, o => o["id"]!.GetValue<string>() == _secret.Id);
        Assert.DoesNotContain(exported, o => o["id"]!.GetValue<string>() == _secret.Id);
        Assert.Equal(listed.Count, count);
        Assert.Equal(listed.Count, exported.Count);
        foreach (var o in listed.Concat(exported))
        {
            AssertRevealsNothing(o.ToJsonString());
        }
    }

    [Fact]
    public async Task The_non_recipient_still_finds_its_own_object_with_the_same_search()
    {
        var listed = await _outsider.ListAllAsync("q=khorasan&type=threat-actor");

        Assert.Equal([_own.Id], listed.Select(o => o["id"]!.GetValue<string>()));
        Assert.Equal(1, await _outsider.CountAsync("q=khorasan"));
        Assert.Equal(0, await _outsider.CountAsync("originator=us-fbi"));
        Assert.Equal(0, await _outsider.CountAsync("channel=us-ru-wg"));
    }

    [Fact]
    public async Task The_recipient_finds_the_object_with_the_same_searches()
    {
        Assert.Equal([_secret.Id], (await _recipient.ListAllAsync("q=Zarafshan")).Select(o => o["id"]!.GetValue<string>()));
        Assert.Equal(1, await _recipient.CountAsync("channel=us-ru-wg"));
        Assert.Equal(1, await _recipient.CountAsync("originator=us-fbi"));
        Assert.Single(await _recipient.ExportAsync("q=Termez"));
    }

    private static async Task<Answer> SendAsync(PartyClient party, string method, string path) => method switch
    {
        "GET" => await party.GetAsync(path),
        "POST" => await party.PostJsonAsync(path, new JsonObject { ["parties"] = new JsonArray("pk-isi"), ["channels"] = new JsonArray("kabul-conf") }.ToJsonString()),
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    /// <summary>Fails when the text holds the secret object's id (or its UUID) or any of its field values.</summary>
    private void AssertRevealsNothing(string body)
    {
        var secrets = new List<string> { _secret.Id, _secret.Id.Split("--")[1], "Zarafshan", "Termez", "Mazar", "us-ru-wg", "\"B2\"", "ORCON" };
        foreach (var (_, value) in _secret.ToJson())
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var text))
            {
                secrets.Add(text);
            }
        }

        foreach (var secret in secrets.Where(s => s is not ("threat-actor" or "2.1")))
        {
            Assert.DoesNotContain(secret, Scrubber.WithoutTraceId(body), StringComparison.OrdinalIgnoreCase);
        }
    }
}
