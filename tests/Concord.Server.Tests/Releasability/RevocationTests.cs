using System.Net;
using System.Text.Json.Nodes;
using Concord.Domain.Stix;
using Concord.Server.Tests.Node;
using Concord.Server.Tests.Stix;

namespace Concord.Server.Tests.Releasability;

/// <summary>Revocation is a new version that travels to every party that had the old one, whatever its own release says.</summary>
public sealed class RevocationTests : IAsyncLifetime
{
    private TestNode _node = null!;
    private PartyClient _originator = null!;
    private PartyClient _member = null!;
    private PartyClient _otherMember = null!;
    private PartyClient _outsider = null!;

    public async Task InitializeAsync()
    {
        (_node, var parties) = await TestNode.StartWithPartiesAsync("us-fbi", "ru-fsb", "kz-knb", "pk-isi");
        (_originator, _member, _otherMember, _outsider) = (parties[0], parties[1], parties[2], parties[3]);
        await _node.AddChannelAsync("kabul-conf", "us-fbi", "ru-fsb", "kz-knb");
        await _node.AddChannelAsync("pk-ru-jwg", "ru-fsb", "pk-isi");
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Every_party_of_the_channel_sees_the_revocation_released_to_nobody_as_latest()
    {
        var v1 = StixDraft.ThreatActor("Revoked cell", channels: ["kabul-conf"]);
        await _originator.ImportOkAsync(StixDraft.Bundle(v1));
        var v2 = v1.Next() with { Revoked = true, Channels = [], Parties = [] };
        await _originator.ImportOkAsync(StixDraft.Bundle(v2));

        foreach (var party in new[] { _originator, _member, _otherMember })
        {
            await AssertSeesRevocationAsync(party, v2);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await _outsider.GetAsync($"/api/objects/{v1.Id}")).Status);
    }

    [Fact]
    public async Task A_revocation_reaches_parties_of_every_earlier_version_even_after_a_narrower_one()
    {
        var v1 = StixDraft.Incident("Border crossing incident", parties: ["pk-isi"], channels: ["kabul-conf"]);
        var v2 = v1.Next() with { Parties = [], Channels = ["kabul-conf"] };
        var v3 = v2.Next() with { Revoked = true, Channels = [], Parties = [] };
        await _originator.ImportOkAsync(StixDraft.Bundle(v1, v2));
        await _originator.ImportOkAsync(StixDraft.Bundle(v3));

        foreach (var party in new[] { _member, _otherMember, _outsider })
        {
            await AssertSeesRevocationAsync(party, v3);
        }

        var outsiderView = (await _outsider.GetAsync($"/api/objects/{v1.Id}")).Json;
        Assert.Equal("""{"channels":[],"parties":["pk-isi"]}""", outsiderView["extensions"]![ConcordExtension.Id]!["release"]!.ToJsonString());
    }

    [Fact]
    public async Task A_revocation_reaches_a_party_the_object_was_forwarded_to()
    {
        var v1 = StixDraft.Report("Green bulletin", channels: ["kabul-conf"]) with { Tlp = TlpLevel.Green };
        await _originator.ImportOkAsync(StixDraft.Bundle(v1));
        Assert.Equal(HttpStatusCode.NoContent, (await _member.ReleaseAsync(v1.Id, channels: ["pk-ru-jwg"])).Status);

        var v2 = v1.Next() with { Revoked = true, Channels = [], Parties = [] };
        await _originator.ImportOkAsync(StixDraft.Bundle(v2));

        await AssertSeesRevocationAsync(_outsider, v2);
    }

    [Fact]
    public async Task A_revocation_in_the_same_bundle_as_the_first_version_reaches_its_recipients()
    {
        var v1 = StixDraft.ThreatActor("Same-bundle cell", channels: ["kabul-conf"]);
        var v2 = v1.Next() with { Revoked = true, Channels = [], Parties = [] };
        await _originator.ImportOkAsync(StixDraft.Bundle(v1, v2));

        await AssertSeesRevocationAsync(_member, v2);
    }

    [Fact]
    public async Task No_version_is_accepted_after_a_revocation()
    {
        var v1 = StixDraft.ThreatActor("Closed case", channels: ["kabul-conf"]);
        var v2 = v1.Next() with { Revoked = true };
        await _originator.ImportOkAsync(StixDraft.Bundle(v1, v2));

        var answer = await _originator.ImportAsync(StixDraft.Bundle(v2.Next() with { Revoked = false, Name = "Reopened" }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal("the object was revoked; STIX allows no later version", answer.Json["problems"]![0]!["message"]!.GetValue<string>());
        await AssertSeesRevocationAsync(_member, v2);
    }

    internal static async Task AssertSeesRevocationAsync(PartyClient party, StixDraft revocation)
    {
        var latest = await party.GetAsync($"/api/objects/{revocation.Id}");
        Assert.True(latest.Status == HttpStatusCode.OK, $"{party.Id}: {latest}");
        Assert.True(latest.Json["revoked"]?.GetValue<bool>() == true, $"{party.Id} does not see the revocation: {latest.Body}");
        Assert.Equal(StixDraft.Timestamp(revocation.Modified), latest.Json["modified"]!.GetValue<string>());

        var listed = await party.ListAllAsync("q=" + Uri.EscapeDataString(revocation.Name.Split(' ')[0]));
        var item = Assert.Single(listed, o => o["id"]!.GetValue<string>() == revocation.Id);
        Assert.True(item["revoked"]?.GetValue<bool>() == true, $"{party.Id} lists the object unrevoked");

        var history = (await party.GetAsync($"/api/objects/{revocation.Id}/versions")).Json["versions"]!.AsArray();
        Assert.True(history[^1]!["revoked"] is JsonValue r && r.GetValue<bool>(), $"{party.Id}: history {history.ToJsonString()}");
    }
}
