using System.Net;
using Concord.Domain.Stix;
using Concord.Server.Tests.Node;
using Concord.Server.Tests.Stix;

namespace Concord.Server.Tests.Forwarding;

/// <summary>
/// Recipients passing an object on through <c>POST /api/objects/{id}/release</c>: TLP:CLEAR and TLP:GREEN
/// without ORCON or H2 may go to other parties and to the recipient's own channels; everything else is refused
/// with a reason; what the caller cannot read is not found.
/// </summary>
public sealed class ForwardingTests : IAsyncLifetime
{
    private TestNode _node = null!;
    private PartyClient _originator = null!;
    private PartyClient _recipient = null!;
    private PartyClient _third = null!;

    public async Task InitializeAsync()
    {
        (_node, var parties) = await TestNode.StartWithPartiesAsync("us-fbi", "ru-fsb", "pk-isi");
        (_originator, _recipient, _third) = (parties[0], parties[1], parties[2]);
        await _node.AddChannelAsync("us-ru-wg", "us-fbi", "ru-fsb");
        await _node.AddChannelAsync("ru-pk-jwg", "ru-fsb", "pk-isi");
        await _node.AddChannelAsync("kabul-conf", "us-fbi", "pk-isi");
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    public static TheoryData<TlpLevel> Forwardable => new() { TlpLevel.Clear, TlpLevel.Green };

    [Theory]
    [MemberData(nameof(Forwardable))]
    public async Task A_recipient_forwards_clear_and_green_to_another_party_which_then_reads_it(TlpLevel tlp)
    {
        var item = await ShareAsync(tlp);
        Assert.Equal(HttpStatusCode.NotFound, (await _third.GetAsync($"/api/objects/{item.Id}")).Status);

        var forward = await _recipient.ReleaseAsync(item.Id, parties: ["pk-isi"]);

        Assert.True(forward.Status == HttpStatusCode.NoContent, forward.ToString());
        var read = await _third.GetAsync($"/api/objects/{item.Id}");
        Assert.Equal(HttpStatusCode.OK, read.Status);
        var release = read.Json["extensions"]![ConcordExtension.Id]!["release"]!;
        Assert.Equal("""{"channels":[],"parties":["pk-isi"]}""", release.ToJsonString());
        Assert.Equal(1, await _third.CountAsync("q=forwardable"));
    }

    [Theory]
    [MemberData(nameof(Forwardable))]
    public async Task A_recipient_forwards_clear_and_green_to_its_own_channel(TlpLevel tlp)
    {
        var item = await ShareAsync(tlp);

        var forward = await _recipient.ReleaseAsync(item.Id, channels: ["ru-pk-jwg"]);

        Assert.True(forward.Status == HttpStatusCode.NoContent, forward.ToString());
        Assert.Equal(HttpStatusCode.OK, (await _third.GetAsync($"/api/objects/{item.Id}")).Status);
        Assert.Equal(1, await _third.CountAsync("channel=ru-pk-jwg"));
    }

    [Fact]
    public async Task A_recipient_may_not_forward_to_a_channel_it_is_not_in()
    {
        var item = await ShareAsync(TlpLevel.Clear);

        var forward = await _recipient.ReleaseAsync(item.Id, channels: ["kabul-conf"]);

        AssertRefused(forward, "a party can release only to channels it is a member of");
        Assert.Equal(HttpStatusCode.NotFound, (await _third.GetAsync($"/api/objects/{item.Id}")).Status);
    }

    [Fact]
    public async Task A_channel_the_recipient_is_not_in_and_a_channel_that_does_not_exist_are_refused_alike()
    {
        var item = await ShareAsync(TlpLevel.Clear);

        var notMember = await _recipient.ReleaseAsync(item.Id, channels: ["kabul-conf"]);
        var missing = await _recipient.ReleaseAsync(item.Id, channels: ["no-such-wg"]);

        Assert.Equal(notMember.Status, missing.Status);
        Assert.Equal(notMember.Json["detail"]!.ToJsonString(), missing.Json["detail"]!.ToJsonString());
    }

    public static TheoryData<TlpLevel?, string, string> Refused => new()
    {
        { TlpLevel.Amber, "", "TLP:AMBER may not be passed to other parties" },
        { TlpLevel.AmberStrict, "", "TLP:AMBER+STRICT may not be passed to other parties" },
        { TlpLevel.Red, "", "TLP:RED may not be passed to other parties" },
        { null, "", "an unmarked item (handled as TLP:AMBER) may not be passed to other parties" },
        { TlpLevel.Green, "ORCON", "ORCON: onward release needs the originator's consent" },
        { TlpLevel.Clear, "ORCON", "ORCON: onward release needs the originator's consent" },
        { TlpLevel.Green, "H2", "H2: no onward sharing" },
        { TlpLevel.Clear, "H2", "H2: no onward sharing" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_recipient_is_refused_with_a_reason_for_what_tlp_or_caveats_keep_in(TlpLevel? tlp, string caveat, string reason)
    {
        var item = await ShareAsync(tlp, caveat.Length == 0 ? [] : [caveat]);

        var toParty = await _recipient.ReleaseAsync(item.Id, parties: ["pk-isi"]);
        var toChannel = await _recipient.ReleaseAsync(item.Id, channels: ["ru-pk-jwg"]);

        AssertRefused(toParty, reason);
        AssertRefused(toChannel, reason);
        Assert.Equal(HttpStatusCode.NotFound, (await _third.GetAsync($"/api/objects/{item.Id}")).Status);
        Assert.Equal(0, await _third.CountAsync());
    }

    [Fact]
    public async Task A_party_that_cannot_read_the_object_gets_404_not_403()
    {
        var item = await ShareAsync(TlpLevel.Red);

        var forward = await _third.ReleaseAsync(item.Id, channels: ["ru-pk-jwg"]);

        Assert.Equal(HttpStatusCode.NotFound, forward.Status);
        Assert.Equal("no object with this id is available to your party", forward.Json["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_originator_may_widen_its_own_release_whatever_the_tlp()
    {
        var item = await ShareAsync(TlpLevel.Red, ["ORCON", "H2"]);

        var widen = await _originator.ReleaseAsync(item.Id, parties: ["pk-isi"], channels: ["kabul-conf"]);

        Assert.True(widen.Status == HttpStatusCode.NoContent, widen.ToString());
        Assert.Equal(HttpStatusCode.OK, (await _third.GetAsync($"/api/objects/{item.Id}")).Status);
    }

    [Fact]
    public async Task A_forward_to_a_party_that_does_not_exist_is_refused()
    {
        var item = await ShareAsync(TlpLevel.Clear);

        var forward = await _recipient.ReleaseAsync(item.Id, parties: ["zz-nobody"]);

        AssertRefused(forward, "unknown party 'zz-nobody'");
    }

    [Fact]
    public async Task A_forward_naming_nobody_is_refused()
    {
        var item = await ShareAsync(TlpLevel.Clear);

        AssertRefused(await _recipient.ReleaseAsync(item.Id), "the release names no party and no channel");
    }

    private async Task<StixDraft> ShareAsync(TlpLevel? tlp, IReadOnlyList<string>? caveats = null)
    {
        var item = StixDraft.Report("Forwardable bulletin on Daesh-K financing", channels: ["us-ru-wg"]) with { Tlp = tlp, Caveats = caveats ?? [] };
        await _originator.ImportOkAsync(StixDraft.Bundle(item));
        Assert.Equal(HttpStatusCode.OK, (await _recipient.GetAsync($"/api/objects/{item.Id}")).Status);
        return item;
    }

    private static void AssertRefused(Answer answer, string reason)
    {
        Assert.True(answer.Status == HttpStatusCode.Forbidden, answer.ToString());
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal(reason, answer.Json["detail"]!.GetValue<string>());
    }
}
