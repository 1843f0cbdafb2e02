using System.Net;
using Concord.Server.Tests.Node;
using Concord.Server.Tests.Stix;
using Concord.Server.Tests.Wire;

namespace Concord.Server.Tests.Releasability;

/// <summary>
/// Query parameters are checked and named in the 400; channel membership decides reads at each request; and
/// the directory shows a party only the channels it is in.
/// </summary>
public sealed class QueryAndDirectoryTests : IAsyncLifetime
{
    private TestNode _node = null!;
    private PartyClient _originator = null!;
    private PartyClient _member = null!;
    private PartyClient _outsider = null!;

    public async Task InitializeAsync()
    {
        (_node, var parties) = await TestNode.StartWithPartiesAsync("us-fbi", "ru-fsb", "pk-isi");
        (_originator, _member, _outsider) = (parties[0], parties[1], parties[2]);
        await _node.AddChannelAsync("us-ru-wg", "us-fbi", "ru-fsb");
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("cursor=MTA", "cursor")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("type=Threat_Actor", "type")]
    [InlineData("originator=US-FBI", "originator")]
    [InlineData("channel=-wg", "channel")]
    [InlineData("modified_after=yesterday", "modified_after")]
    public async Task A_bad_query_parameter_gets_400_naming_it_on_list_count_and_export(string query, string parameter)
    {
        foreach (var path in new[] { "/api/objects?", "/api/objects/count?", "/api/bundles?" })
        {
            var answer = await _member.GetAsync(path + query);

            Assert.True(answer.Status == HttpStatusCode.BadRequest, $"{path}{query}: {answer}");
            Assert.Equal("application/problem+json", answer.MediaType);
            Assert.Equal(parameter, answer.Json["pointer"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_cursor_with_one_character_changed_is_refused()
    {
        await _originator.ImportOkAsync(StixDraft.Bundle(StixDraft.ThreatActor("One"), StixDraft.ThreatActor("Two")));
        var next = (await _originator.GetAsync("/api/objects?limit=1")).Json["next"]!.GetValue<string>();
        var forged = next[..^1] + (next[^1] == 'A' ? 'B' : 'A');

        Assert.Equal(HttpStatusCode.OK, (await _originator.GetAsync("/api/objects?limit=1&cursor=" + next)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await _originator.GetAsync("/api/objects?limit=1&cursor=" + forged)).Status);
    }

    [Fact]
    public async Task Modified_after_narrows_to_later_versions()
    {
        var early = StixDraft.ThreatActor("Early", channels: ["us-ru-wg"]);
        var late = StixDraft.ThreatActor("Late", channels: ["us-ru-wg"]) with { Modified = StixDraft.Epoch.AddDays(3) };
        await _originator.ImportOkAsync(StixDraft.Bundle(early, late));

        var listed = await _member.ListAllAsync("modified_after=" + StixDraft.Timestamp(StixDraft.Epoch.AddDays(1)));

        Assert.Equal([late.Id], listed.Select(o => o["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_party_that_leaves_a_channel_stops_reading_what_was_released_to_it_and_reads_again_on_rejoining()
    {
        var item = StixDraft.Report("Channel-only bulletin", channels: ["us-ru-wg"]);
        await _originator.ImportOkAsync(StixDraft.Bundle(item));
        var notFound = Scrubber.WithoutTraceId((await _member.GetAsync($"/api/objects/report--{Guid.NewGuid()}")).Body);

        await _node.Admin.LeaveChannelAsync("test", Domain.Releasability.ChannelId.Parse("us-ru-wg"), _member.Party, CancellationToken.None);
        var gone = await _member.GetAsync($"/api/objects/{item.Id}");
        var count = await _member.CountAsync();
        await _node.Admin.JoinChannelAsync("test", Domain.Releasability.ChannelId.Parse("us-ru-wg"), _member.Party, CancellationToken.None);
        var back = await _member.GetAsync($"/api/objects/{item.Id}");

        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Equal(notFound, Scrubber.WithoutTraceId(gone.Body));
        Assert.Equal(0, count);
        Assert.Equal(HttpStatusCode.OK, back.Status);
    }

    [Fact]
    public async Task A_channel_the_party_is_not_in_looks_like_one_that_does_not_exist()
    {
        var notMember = await _outsider.GetAsync("/api/channels/us-ru-wg");
        var missing = await _outsider.GetAsync("/api/channels/no-such-wg");
        var mine = await _member.GetAsync("/api/channels/us-ru-wg");

        Assert.Equal(HttpStatusCode.NotFound, notMember.Status);
        Assert.Equal(Scrubber.WithoutTraceId(missing.Body), Scrubber.WithoutTraceId(notMember.Body));
        Assert.DoesNotContain("ru-fsb", notMember.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, mine.Status);
        Assert.Equal("""["ru-fsb","us-fbi"]""", mine.Json["members"]!.ToJsonString());
    }

    [Fact]
    public async Task A_party_lists_only_its_own_channels_and_sees_itself_in_me()
    {
        var outsiders = await _outsider.GetAsync("/api/channels");
        var members = await _member.GetAsync("/api/channels");
        var me = await _member.GetAsync("/api/me");

        Assert.Equal("[]", outsiders.Json.ToJsonString());
        Assert.Equal(["us-ru-wg"], members.Json.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        Assert.Equal("analyst@ru-fsb", me.Json["member"]!.GetValue<string>());
        Assert.Equal("ru-fsb", me.Json["party"]!.GetValue<string>());
        Assert.Equal(["pk-isi", "ru-fsb", "us-fbi"], (await _outsider.GetAsync("/api/parties")).Json.AsArray().Select(p => p!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }
}
