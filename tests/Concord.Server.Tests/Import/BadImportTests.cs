using System.Net;
using System.Text.Json.Nodes;
using Concord.Domain.Stix;
using Concord.Server.Tests.Node;
using Concord.Server.Tests.Stix;

namespace Concord.Server.Tests.Import;

/// <summary>
/// Bad input to <c>POST /api/bundles</c>: each rejection says what and where (a JSON pointer or a line number),
/// good objects of a mixed bundle still go in unless all-or-nothing is asked, and nothing already stored changes.
/// </summary>
public sealed class BadImportTests : IAsyncLifetime
{
    private TestNode _node = null!;
    private PartyClient _importer = null!;
    private PartyClient _other = null!;
    private PartyClient _recipient = null!;
    private StixDraft _held = null!;
    private StixDraft _othersHeld = null!;

    public async Task InitializeAsync()
    {
        (_node, var parties) = await TestNode.StartWithPartiesAsync("ru-fsb", "pk-isi", "us-fbi");
        (_importer, _other, _recipient) = (parties[0], parties[1], parties[2]);
        await _node.AddChannelAsync("ru-pk-jwg", "ru-fsb", "pk-isi");
        await _node.AddChannelAsync("us-pk-wg", "us-fbi", "pk-isi");
        _held = StixDraft.ThreatActor("Held cell", channels: ["ru-pk-jwg"]) with { Tlp = TlpLevel.Amber };
        _othersHeld = StixDraft.Incident("Pakistani incident", channels: ["us-pk-wg"]);
        await _importer.ImportOkAsync(StixDraft.Bundle(_held));
        await _other.ImportOkAsync(StixDraft.Bundle(_othersHeld));
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Malformed_json_gets_400_naming_the_line()
    {
        var bundle = "{\"type\":\"bundle\",\"id\":\"bundle--6a5e3a4c-1d5b-4c58-9f6b-2b5f0e7c1d2a\",\"objects\":[\n{\"type\":\"threat-actor\",,\n}]}";

        var answer = await _importer.ImportAsync(bundle);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.StartsWith("malformed JSON at line 2,", answer.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_after_good_objects_keeps_them_and_names_the_line_unless_all_or_nothing()
    {
        var good = StixDraft.ThreatActor("Before the break");
        var careful = StixDraft.ThreatActor("Careful");
        static string Broken(StixDraft d) => "{\"type\":\"bundle\",\"id\":\"bundle--6a5e3a4c-1d5b-4c58-9f6b-2b5f0e7c1d2a\",\"objects\":[\n" + d.ToJson().ToJsonString() + ",\n{\"type\": ]}";

        var kept = await _importer.ImportAsync(Broken(good));
        var refused = await _importer.ImportAsync(Broken(careful), "?all_or_nothing=true");

        Assert.Equal(HttpStatusCode.OK, kept.Status);
        Assert.Equal(1, kept.Json["inserted"]!.GetValue<long>());
        var problem = Assert.Single(kept.Json["problems"]!.AsArray())!;
        Assert.Equal("/objects/1", problem["pointer"]!.GetValue<string>());
        Assert.StartsWith("malformed JSON at line 3,", problem["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _importer.GetAsync($"/api/objects/{good.Id}")).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _importer.GetAsync($"/api/objects/{careful.Id}")).Status);
    }

    [Theory]
    [InlineData("", "the input is empty")]
    [InlineData("42", "expected a STIX bundle, an array of objects or one object")]
    [InlineData("{\"type\":\"bundle\",\"id\":\"bundle--6a5e3a4c-1d5b-4c58-9f6b-2b5f0e7c1d2a\",\n\"objects\":[{\"type\":\"threat-actor\"", "malformed JSON at line 2,")]
    public async Task Input_that_is_not_a_stix_document_gets_400_saying_where(string body, string detail)
    {
        var before = await StoreSnapshot.TakeAsync(_node.DatabasePath);

        var answer = await _importer.ImportAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.StartsWith(detail, answer.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(_node.DatabasePath));
    }

    public static TheoryData<string, string, string> BadFields => new()
    {
        { "name", "42", "/objects/0/name" },
        { "revoked", "\"yes\"", "/objects/0/revoked" },
        { "id", "\"threat-actor--not-a-uuid\"", "/objects/0/id" },
        { "id", "\"report--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\"", "/objects/0/id" },
        { "created", "\"2025-13-01T00:00:00.000Z\"", "/objects/0/created" },
        { "modified", "\"yesterday\"", "/objects/0/modified" },
        { "modified", "\"2025-03-01T00:00:00Z\"", "/objects/0/modified" },
        { "spec_version", "\"2.0\"", "/objects/0/spec_version" },
        { "object_marking_refs", "\"marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487\"", "/objects/0/object_marking_refs" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_bad_field_is_refused_with_its_json_pointer(string field, string value, string pointer)
    {
        var json = StixDraft.ThreatActor("Bad field").ToJson();
        json[field] = JsonNode.Parse(value);
        var before = await StoreSnapshot.TakeAsync(_node.DatabasePath);

        var answer = await _importer.ImportAsync(StixDraft.Bundle([json]));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        var problem = Assert.Single(answer.Json["problems"]!.AsArray());
        Assert.Equal(pointer, problem!["pointer"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(problem["message"]!.GetValue<string>()));
        Assert.Equal(before, await StoreSnapshot.TakeAsync(_node.DatabasePath));
    }

    [Fact]
    public async Task A_mixed_bundle_stores_the_good_objects_and_lists_each_bad_one_with_a_pointer()
    {
        var good1 = StixDraft.ThreatActor("Good one");
        var good2 = StixDraft.Report("Good two", channels: ["ru-pk-jwg"]);
        var badTime = StixDraft.Incident("Bad time").ToJson();
        badTime["created"] = "2025-02-30T00:00:00.000Z";
        var badType = StixDraft.ThreatActor("Bad type").ToJson();
        badType["aliases"] = "not an array";

        var answer = await _importer.ImportAsync(StixDraft.Bundle([good1.ToJson(), badType, badTime, good2.ToJson()]));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(4, answer.Json["received"]!.GetValue<long>());
        Assert.Equal(2, answer.Json["inserted"]!.GetValue<long>());
        Assert.Equal(2, answer.Json["rejected"]!.GetValue<long>());
        Assert.True(answer.Json["committed"]!.GetValue<bool>());
        var problems = answer.Json["problems"]!.AsArray();
        Assert.Equal(["/objects/1/aliases", "/objects/2/created"], problems.Select(p => p!["pointer"]!.GetValue<string>()));
        Assert.Equal([1, 2], problems.Select(p => p!["index"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.OK, (await _importer.GetAsync($"/api/objects/{good1.Id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await _other.GetAsync($"/api/objects/{good2.Id}")).Status);
    }

    [Fact]
    public async Task All_or_nothing_stores_nothing_when_one_object_is_bad()
    {
        var good = StixDraft.ThreatActor("Would be good");
        var bad = StixDraft.Incident("Bad").ToJson();
        bad["created"] = "never";
        var before = await StoreSnapshot.TakeAsync(_node.DatabasePath);

        var answer = await _importer.ImportAsync(StixDraft.Bundle([good.ToJson(), bad]), "?all_or_nothing=true");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.False(answer.Json["committed"]!.GetValue<bool>());
        Assert.Equal(0, answer.Json["inserted"]!.GetValue<long>());
        Assert.Equal("/objects/1/created", answer.Json["problems"]![0]!["pointer"]!.GetValue<string>());
        Assert.Equal(before, await StoreSnapshot.TakeAsync(_node.DatabasePath));
        Assert.Equal(HttpStatusCode.NotFound, (await _importer.GetAsync($"/api/objects/{good.Id}")).Status);
    }

    [Fact]
    public async Task All_or_nothing_stores_everything_when_every_object_is_good()
    {
        var answer = await _importer.ImportAsync(StixDraft.Bundle(StixDraft.ThreatActor("A"), StixDraft.ThreatActor("B")), "?all_or_nothing=true");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(2, answer.Json["inserted"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_conflicting_duplicate_version_is_refused_and_the_held_version_is_unchanged()
    {
        var before = await StoreSnapshot.TakeAsync(_node.DatabasePath);
        var conflicting = _held with { Name = "Held cell, renamed without a new modified time" };
        var sameReleaseWider = _held with { Parties = ["us-fbi"] };

        var answer = await _importer.ImportAsync(StixDraft.Bundle(conflicting, sameReleaseWider, _held));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(1, answer.Json["unchanged"]!.GetValue<long>());
        Assert.Equal(2, answer.Json["rejected"]!.GetValue<long>());
        Assert.All(answer.Json["problems"]!.AsArray(), p => Assert.Equal("a different version with the same id and modified time is already held", p!["message"]!.GetValue<string>()));
        Assert.Equal(before, await StoreSnapshot.TakeAsync(_node.DatabasePath));
        Assert.Equal(HttpStatusCode.NotFound, (await _recipient.GetAsync($"/api/objects/{_held.Id}")).Status);
    }

    [Fact]
    public async Task Two_conflicting_versions_in_one_bundle_keep_the_first()
    {
        var first = StixDraft.ThreatActor("First");
        var second = first with { Name = "Second" };

        var answer = await _importer.ImportAsync(StixDraft.Bundle(first, second));

        Assert.Equal(1, answer.Json["inserted"]!.GetValue<long>());
        Assert.Equal("/objects/1", answer.Json["problems"]![0]!["pointer"]!.GetValue<string>());
        Assert.Equal("First", (await _importer.GetAsync($"/api/objects/{first.Id}")).Json["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_party_cannot_version_another_partys_object_and_nothing_held_changes()
    {
        var before = await StoreSnapshot.TakeAsync(_node.DatabasePath);
        var hijack = _othersHeld.Next() with { Name = "Hijacked", Channels = ["ru-pk-jwg"] };

        var answer = await _importer.ImportAsync(StixDraft.Bundle(hijack));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal("this id is not available to this party: only an object's originator makes new versions", answer.Json["problems"]![0]!["message"]!.GetValue<string>());
        Assert.DoesNotContain("Pakistani", answer.Body, StringComparison.Ordinal);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(_node.DatabasePath));
        Assert.Equal("Pakistani incident", (await _other.GetAsync($"/api/objects/{_othersHeld.Id}")).Json["name"]!.GetValue<string>());
        Assert.EndsWith($"not_originator=1 ids={_othersHeld.Id}", await LastImportAuditAsync(), StringComparison.Ordinal);
    }

    private async Task<string> LastImportAuditAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_node.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT detail FROM audit WHERE action = 'import' ORDER BY seq DESC LIMIT 1";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_release_to_an_unknown_party_is_refused_at_the_release_pointer()
    {
        var item = StixDraft.ThreatActor("To nobody", parties: ["zz-nobody"]);

        var answer = await _importer.ImportAsync(StixDraft.Bundle(item));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        var problem = answer.Json["problems"]![0]!;
        Assert.Equal($"/objects/0/extensions/{ConcordExtension.Id}/release", problem["pointer"]!.GetValue<string>());
        Assert.Equal("unknown party 'zz-nobody'", problem["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_release_to_a_channel_the_importer_is_not_in_reads_like_one_to_a_channel_that_does_not_exist()
    {
        var notMember = await _importer.ImportAsync(StixDraft.Bundle(StixDraft.ThreatActor("X", channels: ["us-pk-wg"])));
        var missing = await _importer.ImportAsync(StixDraft.Bundle(StixDraft.ThreatActor("Y", channels: ["zz-none-wg"])));

        Assert.Equal(notMember.Status, missing.Status);
        var a = notMember.Json["problems"]![0]!;
        var b = missing.Json["problems"]![0]!;
        Assert.Equal(a["pointer"]!.GetValue<string>(), b["pointer"]!.GetValue<string>());
        Assert.Equal(a["message"]!.GetValue<string>().Replace("us-pk-wg", "<c>", StringComparison.Ordinal), b["message"]!.GetValue<string>().Replace("zz-none-wg", "<c>", StringComparison.Ordinal));
        Assert.Equal(0, await _importer.CountAsync("q=X"));
    }

    [Fact]
    public async Task An_importer_cannot_claim_another_originator_or_a_lighter_tlp_in_the_extension()
    {
        var item = StixDraft.ThreatActor("Spoofed", channels: ["ru-pk-jwg"]) with { Tlp = TlpLevel.Red };
        var json = item.ToJson();
        var concord = json["extensions"]![ConcordExtension.Id]!.AsObject();
        concord["originator"] = "pk-isi";
        concord["tlp"] = "clear";

        await _importer.ImportOkAsync(StixDraft.Bundle([json]));

        var seen = await _other.GetAsync($"/api/objects/{item.Id}");
        Assert.Equal("ru-fsb", seen.Json["extensions"]![ConcordExtension.Id]!["originator"]!.GetValue<string>());
        Assert.Equal("red", seen.Json["extensions"]![ConcordExtension.Id]!["tlp"]!.GetValue<string>());
        Assert.Equal(0, await _other.CountAsync("originator=pk-isi&q=spoofed"));
        Assert.Equal(HttpStatusCode.Forbidden, (await _other.ReleaseAsync(item.Id, parties: ["us-fbi"])).Status);
    }

    [Theory]
    [InlineData("?party=Not_A_Party", "party")]
    [InlineData("?channel=-bad", "channel")]
    [InlineData("?caveat=SECRET", "caveat")]
    [InlineData("?caveat=H0", "caveat")]
    [InlineData("?grading=Z9", "grading")]
    public async Task Bad_import_options_get_400_naming_the_parameter(string query, string parameter)
    {
        var before = await StoreSnapshot.TakeAsync(_node.DatabasePath);

        var answer = await _importer.ImportAsync(StixDraft.Bundle(StixDraft.ThreatActor("Options")), query);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(parameter, answer.Json["pointer"]!.GetValue<string>());
        Assert.Equal(before, await StoreSnapshot.TakeAsync(_node.DatabasePath));
    }

    [Fact]
    public async Task Import_options_set_the_release_of_objects_whose_extension_names_none()
    {
        var item = StixDraft.ThreatActor("Defaulted");

        await _importer.ImportOkAsync(StixDraft.Bundle(item), "?channel=ru-pk-jwg&caveat=H1&grading=C3");

        var seen = await _other.GetAsync($"/api/objects/{item.Id}");
        Assert.Equal(HttpStatusCode.OK, seen.Status);
        var concord = seen.Json["extensions"]![ConcordExtension.Id]!;
        Assert.Equal("""["H1"]""", concord["caveats"]!.ToJsonString());
        Assert.Equal("C3", concord["grading"]!.GetValue<string>());
    }
}
