using System.Net;
using System.Text.Json.Nodes;
using Concord.Domain.Stix;
using Concord.Server.Tests.Node;
using Concord.Server.Tests.Stix;

namespace Concord.Server.Tests.Wire;

/// <summary>
/// What goes over the wire, compared with approved files under <c>Approved/</c> (ids, timestamps and trace ids
/// scrubbed): problem bodies, an import report, and Concord's extension as the originator and a recipient see it.
/// </summary>
public sealed class ApprovedWireOutputTests : IAsyncLifetime
{
    private TestNode _node = null!;
    private PartyClient _originator = null!;
    private PartyClient _recipient = null!;
    private PartyClient _outsider = null!;

    public async Task InitializeAsync()
    {
        (_node, var parties) = await TestNode.StartWithPartiesAsync("us-fbi", "ru-fsb", "pk-isi", "kz-knb");
        (_originator, _recipient, _outsider) = (parties[0], parties[1], parties[2]);
        await _node.AddChannelAsync("us-ru-wg", "us-fbi", "ru-fsb");
        await _node.AddChannelAsync("kabul-conf", "us-fbi", "ru-fsb", "kz-knb");
        await _node.AddChannelAsync("us-kz-wg", "us-fbi", "kz-knb");
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task The_404_for_an_object_the_reader_may_not_read_is_approved()
    {
        var item = StixDraft.ThreatActor("Unreleased", channels: ["us-ru-wg"]);
        await _originator.ImportOkAsync(StixDraft.Bundle(item));

        var answer = await _outsider.GetAsync($"/api/objects/{item.Id}");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        ApprovedFile.Verify("object-not-found", answer.Body);
    }

    [Fact]
    public async Task The_400_for_malformed_import_json_is_approved()
    {
        var answer = await _originator.ImportAsync("{\"type\":\"bundle\",\n\"objects\":[\n{\"type\":\"threat-actor\" \"name\":\"x\"}]}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        ApprovedFile.Verify("import-malformed-json", answer.Body);
    }

    [Fact]
    public async Task The_import_report_of_a_mixed_bundle_is_approved()
    {
        var badTime = StixDraft.Incident("Bad time").ToJson();
        badTime["created"] = "2025-02-30T00:00:00.000Z";
        var badRelease = StixDraft.Report("Stray", channels: ["no-such-wg"]);
        var badId = StixDraft.ThreatActor("Bad id").ToJson();
        badId["id"] = "threat-actor--1234";
        var good = StixDraft.ThreatActor("Good", channels: ["us-ru-wg"]);

        var answer = await _originator.ImportAsync(StixDraft.Bundle([good.ToJson(), badId, badTime, badRelease.ToJson(), good.ToJson()]));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        ApprovedFile.Verify("import-report-with-problems", answer.Body);
    }

    [Fact]
    public async Task The_concord_extension_as_the_originator_and_a_recipient_see_it_is_approved()
    {
        var item = StixDraft.Report("Joint assessment draft", channels: ["us-ru-wg", "kabul-conf", "us-kz-wg"], parties: ["ru-fsb", "pk-isi"]) with
        {
            Tlp = TlpLevel.AmberStrict,
            Caveats = ["ORCON", "H0", "H1"],
            Purpose = "joint threat assessment",
            Grading = "B2",
        };
        await _originator.ImportOkAsync(StixDraft.Bundle(item));

        var byOriginator = await _originator.GetAsync($"/api/objects/{item.Id}");
        var byRecipient = await _recipient.GetAsync($"/api/objects/{item.Id}");

        ApprovedFile.Verify("extension-seen-by-originator", Extension(byOriginator));
        ApprovedFile.Verify("extension-seen-by-recipient", Extension(byRecipient));
    }

    [Fact]
    public async Task The_403_for_a_refused_forward_is_approved()
    {
        var item = StixDraft.ThreatActor("Amber item", channels: ["us-ru-wg"]) with { Tlp = TlpLevel.Amber };
        await _originator.ImportOkAsync(StixDraft.Bundle(item));

        var answer = await _recipient.ReleaseAsync(item.Id, parties: ["pk-isi"]);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        ApprovedFile.Verify("forward-refused", answer.Body);
    }

    [Fact]
    public async Task The_401_for_an_unknown_key_is_approved()
    {
        var answer = await Auth.AuthenticationTests.SendAsync(_node.Client("concord_0123456789abcdef_" + new string('A', 43)), "GET", "/api/objects");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        ApprovedFile.Verify("unknown-key", answer.Body);
    }

    private static string Extension(Answer answer)
    {
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer.Json["extensions"]![ConcordExtension.Id]!.ToJsonString();
    }
}
