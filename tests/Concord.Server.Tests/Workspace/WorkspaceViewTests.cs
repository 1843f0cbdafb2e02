using System.Net;
using System.Text.Json.Nodes;
using Concord.Server.Tests.Node;
using Concord.Server.Tests.Stix;

namespace Concord.Server.Tests.Workspace;

/// <summary>
/// The workspace's views of STIX data — inbox, search summaries, relationships, link graph, map, release
/// preview — answer each party exactly as the releasability rule says, and show only the part of a release it
/// may know of.
/// </summary>
public sealed class WorkspaceViewTests(WorkspaceViewTests.Scenario scenario) : IClassFixture<WorkspaceViewTests.Scenario>
{
    /// <summary>
    /// us-dni releases to pk-isi only a report, an incident located at a location, and the relationship; it also
    /// shares an actor with the us-ru-wg channel (ru-fsb), with one relationship to the secret incident.
    /// </summary>
    public sealed class Scenario : IAsyncLifetime
    {
        private TestNode _node = null!;

        public PartyClient Us { get; private set; } = null!;

        public PartyClient Ru { get; private set; } = null!;

        public PartyClient Pk { get; private set; } = null!;

        public StixDraft Report { get; private set; } = null!;

        public StixDraft Incident { get; private set; } = null!;

        public StixDraft Actor { get; private set; } = null!;

        public string LocationId { get; } = $"location--{Guid.NewGuid()}";

        public string LocatedAt { get; } = $"relationship--{Guid.NewGuid()}";

        public string AttributedTo { get; } = $"relationship--{Guid.NewGuid()}";

        public async Task InitializeAsync()
        {
            (_node, var parties) = await TestNode.StartWithPartiesAsync("us-dni", "ru-fsb", "pk-isi");
            (Us, Ru, Pk) = (parties[0], parties[1], parties[2]);
            await _node.AddChannelAsync("us-ru-wg", "us-dni", "ru-fsb");
            Report = StixDraft.Report("Operatives moving between Afghanistan and Pakistan", parties: ["pk-isi"]) with { Tlp = Domain.Stix.TlpLevel.AmberStrict };
            Incident = StixDraft.Incident("Torkham crossing incident", parties: ["pk-isi"]);
            Actor = StixDraft.ThreatActor("ISIS-K external operations", channels: ["us-ru-wg"], parties: ["pk-isi"]);
            var location = Raw("location", LocationId, """ "name":"Torkham","latitude":34.1,"longitude":71.09 """, """{"channels":[],"parties":["pk-isi"]}""");
            var locatedAt = Raw("relationship", LocatedAt, $""" "relationship_type":"located-at","source_ref":"{Incident.Id}","target_ref":"{LocationId}" """, """{"channels":[],"parties":["pk-isi"]}""");
            var attributed = Raw("relationship", AttributedTo, $""" "relationship_type":"attributed-to","source_ref":"{Incident.Id}","target_ref":"{Actor.Id}" """, """{"channels":["us-ru-wg"],"parties":["pk-isi"]}""");
            await Us.ImportOkAsync(StixDraft.Bundle([Report.ToJson(), Incident.ToJson(), Actor.ToJson(), location, locatedAt, attributed]));
        }

        public async Task DisposeAsync() => await _node.DisposeAsync();

        private static JsonNode Raw(string type, string id, string properties, string release) => JsonNode.Parse(
            "{\"type\":\"" + type + "\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\",\"created\":\"2025-03-01T00:00:00.000Z\",\"modified\":\"2025-03-01T00:00:00.000Z\","
            + properties + ",\"extensions\":{\"" + Domain.Stix.ConcordExtension.Id + "\":{\"extension_type\":\"property-extension\",\"release\":" + release + "}}}")!;
    }

    [Fact]
    public async Task The_inbox_holds_what_others_released_to_the_party_newest_first_and_nothing_of_its_own()
    {
        var pk = await Ids(scenario.Pk, "/api/inbox");
        var ru = await Ids(scenario.Ru, "/api/inbox");
        var us = await Ids(scenario.Us, "/api/inbox");

        Assert.Equal([scenario.AttributedTo, scenario.LocatedAt, scenario.LocationId, scenario.Actor.Id, scenario.Incident.Id, scenario.Report.Id], pk);
        // ru-fsb reads the actor and the relationship released to us-ru-wg, though not the incident it comes from.
        Assert.Equal([scenario.AttributedTo, scenario.Actor.Id], ru);
        Assert.Empty(us);
    }

    [Fact]
    public async Task Marking_read_changes_only_the_members_own_view()
    {
        var before = (await scenario.Pk.GetAsync("/api/inbox?type=report")).Json["items"]![0]!;
        var marked = await scenario.Pk.PostJsonAsync("/api/inbox/read", new JsonObject
        {
            ["versions"] = new JsonArray(new JsonObject { ["id"] = before["id"]!.GetValue<string>(), ["version"] = before["version"]!.GetValue<string>() }),
        }.ToJsonString());
        var after = (await scenario.Pk.GetAsync("/api/inbox?type=report")).Json["items"]![0]!;
        var unread = await Ids(scenario.Pk, "/api/inbox?unread=true&type=report");

        Assert.False(before["read"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NoContent, marked.Status);
        Assert.True(after["read"]!.GetValue<bool>());
        Assert.Empty(unread);
    }

    [Theory]
    [InlineData("/api/search?q=Afghanistan")]
    [InlineData("/api/search?q=Torkham")]
    [InlineData("/api/search?type=report")]
    [InlineData("/api/search?tlp=amber%2Bstrict")]
    [InlineData("/api/search?originator=us-dni")]
    [InlineData("/api/inbox?type=incident")]
    public async Task Search_and_inbox_never_show_the_secret_to_a_party_it_was_not_released_to(string path)
    {
        var ru = await Ids(scenario.Ru, path);
        var pk = await Ids(scenario.Pk, path);

        Assert.DoesNotContain(scenario.Report.Id, ru);
        Assert.DoesNotContain(scenario.Incident.Id, ru);
        Assert.DoesNotContain(scenario.LocationId, ru);
        Assert.NotEmpty(pk);
    }

    [Fact]
    public async Task A_recipient_sees_only_its_own_part_of_the_release()
    {
        var ru = (await scenario.Ru.GetAsync("/api/search?q=external")).Json["items"]![0]!;
        var pk = (await scenario.Pk.GetAsync("/api/search?q=external")).Json["items"]![0]!;
        var us = (await scenario.Us.GetAsync("/api/search?q=external")).Json["items"]![0]!;

        Assert.Equal(["us-ru-wg"], ru["channels"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Empty(ru["parties"]!.AsArray());
        Assert.Empty(pk["channels"]!.AsArray());
        Assert.Equal(["pk-isi"], pk["parties"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(2, us["channels"]!.AsArray().Count + us["parties"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_graph_holds_an_edge_only_when_the_relationship_and_both_ends_are_readable()
    {
        var pk = (await scenario.Pk.GetAsync($"/api/objects/{scenario.Actor.Id}/graph")).Json;
        var ru = (await scenario.Ru.GetAsync($"/api/objects/{scenario.Actor.Id}/graph")).Json;
        var ruRelationships = (await scenario.Ru.GetAsync($"/api/objects/{scenario.Actor.Id}/relationships")).Json;

        Assert.Equal([scenario.AttributedTo], pk["edges"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()));
        Assert.Contains(scenario.Incident.Id, pk["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
        // ru-fsb reads the relationship (us-ru-wg) but not the incident it points from: no edge, no node.
        Assert.Empty(ru["edges"]!.AsArray());
        Assert.Equal([scenario.Actor.Id], ru["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
        Assert.Equal([scenario.AttributedTo], ruRelationships["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        Assert.DoesNotContain(scenario.Incident.Id, ru.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_map_places_an_incident_only_for_a_party_that_reads_it_its_location_and_the_link()
    {
        var pk = (await scenario.Pk.GetAsync("/api/map")).Json;
        var ru = (await scenario.Ru.GetAsync("/api/map")).Json;

        Assert.Equal([scenario.Incident.Id], pk["incidents"]!.AsArray().Select(i => i!["incident"]!["id"]!.GetValue<string>()));
        Assert.Equal([scenario.LocationId], pk["locations"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        Assert.Empty(ru["incidents"]!.AsArray());
        Assert.Empty(ru["locations"]!.AsArray());
    }

    [Fact]
    public async Task Forwarding_is_offered_only_where_tlp_and_caveats_allow()
    {
        var pkReport = (await scenario.Pk.GetAsync($"/api/objects/{scenario.Report.Id}/forwarding")).Json;
        var usReport = (await scenario.Us.GetAsync($"/api/objects/{scenario.Report.Id}/forwarding")).Json;

        Assert.False(pkReport["allowed"]!.GetValue<bool>());
        Assert.Contains("AMBER+STRICT", pkReport["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(usReport["allowed"]!.GetValue<bool>());
        Assert.True(usReport["originator"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_release_preview_names_every_receiving_party_and_refuses_channels_the_caller_is_not_in()
    {
        var preview = await scenario.Us.PostJsonAsync("/api/releases/preview", """{"channels":["us-ru-wg"],"parties":["pk-isi"]}""");
        var foreign = await scenario.Pk.PostJsonAsync("/api/releases/preview", """{"channels":["us-ru-wg"],"parties":[]}""");
        var unknown = await scenario.Pk.PostJsonAsync("/api/releases/preview", """{"channels":[],"parties":["xx-nobody"]}""");

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Equal(["pk-isi", "ru-fsb"], preview.Json["recipients"]!.AsArray().Select(r => r!["party"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.Status);
        Assert.Equal("/channels/0", foreign.Json["pointer"]!.GetValue<string>());
        Assert.Equal("/parties/0", unknown.Json["pointer"]!.GetValue<string>());
    }

    private static async Task<List<string>> Ids(PartyClient party, string path)
    {
        var answer = await party.GetAsync(path);
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        return answer.Json["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();
    }
}
