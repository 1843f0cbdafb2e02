using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Concord.Server.Tests.Node;
using Concord.Server.Tests.Stix;

namespace Concord.Server.Tests.Federation;

/// <summary>
/// The TAXII 2.1 server driven the way any standard client would: plain HTTP with the TAXII media type, starting from
/// discovery and following what the server says (API root, collection ids, <c>next</c>), nothing from Concord's own
/// client. Checks status codes, media types, headers and the shape of every resource against the specification.
/// </summary>
public sealed class TaxiiConformanceTests : IAsyncLifetime
{
    private const string TaxiiMedia = "application/taxii+json";
    private TestNode _node = null!;
    private PartyClient _fbi = null!;
    private PartyClient _fsb = null!;
    private PartyClient _isi = null!;

    public async Task InitializeAsync()
    {
        (_node, var parties) = await TestNode.StartWithPartiesAsync("us-fbi", "ru-fsb", "pk-isi");
        (_fbi, _fsb, _isi) = (parties[0], parties[1], parties[2]);
        await _node.AddChannelAsync("fbi-fsb", "us-fbi", "ru-fsb");
        await _node.AddChannelAsync("fsb-isi", "ru-fsb", "pk-isi");
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    /// <summary>A client that knows only TAXII 2.1: the API key as a bearer token and the TAXII Accept header.</summary>
    private HttpClient Taxii(PartyClient party)
    {
        var client = _node.Client(party.Key.Token);
        client.DefaultRequestHeaders.Accept.ParseAdd("application/taxii+json;version=2.1");
        return client;
    }

    private static async Task<Answer> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.RelativeOrAbsolute));
        var answer = await Answer.ReadAsync(response);
        if (answer.Status == HttpStatusCode.OK)
        {
            AssertTaxiiMediaType(response);
        }

        return answer;
    }

    private static async Task<Answer> GetOkAsync(HttpClient client, string path)
    {
        var answer = await GetAsync(client, path);
        Assert.True(answer.Status == HttpStatusCode.OK, $"GET {path}: {answer}");
        return answer;
    }

    private static void AssertTaxiiMediaType(HttpResponseMessage response)
    {
        var type = response.Content.Headers.ContentType;
        Assert.NotNull(type);
        Assert.Equal(TaxiiMedia, type.MediaType);
        Assert.Contains(type.Parameters, p => p.Name == "version" && p.Value == "2.1");
    }

    /// <summary>Discovery, then the default API root, then the collections: as a client finds them.</summary>
    private static async Task<(string ApiRoot, JsonArray Collections)> DiscoverAsync(HttpClient client)
    {
        var discovery = (await GetOkAsync(client, "/taxii2/")).Json;
        Assert.False(string.IsNullOrEmpty(discovery["title"]?.GetValue<string>()));
        var root = discovery["default"]!.GetValue<string>();
        Assert.Contains(root, discovery["api_roots"]!.AsArray().Select(r => r!.GetValue<string>()));
        var apiRoot = (await GetOkAsync(client, root)).Json;
        Assert.Contains("application/taxii+json;version=2.1", apiRoot["versions"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.True(apiRoot["max_content_length"]!.GetValue<long>() > 0);
        var collections = (await GetOkAsync(client, root + "collections/")).Json["collections"]!.AsArray();
        foreach (var c in collections)
        {
            Assert.True(Guid.TryParse(c!["id"]!.GetValue<string>(), out _));
            Assert.False(string.IsNullOrEmpty(c["title"]!.GetValue<string>()));
            Assert.True(c["can_read"]!.GetValue<bool>());
            Assert.NotNull(c["can_write"]);
        }

        return (root, collections);
    }

    private static string IdOf(JsonArray collections, string titleStart) =>
        collections.Single(c => c!["title"]!.GetValue<string>().StartsWith(titleStart, StringComparison.Ordinal))!["id"]!.GetValue<string>();

    [Fact]
    public async Task Discovery_api_root_and_collections_show_a_party_only_its_own_collections()
    {
        using var fbi = Taxii(_fbi);
        using var isi = Taxii(_isi);
        var (root, collections) = await DiscoverAsync(fbi);
        var (_, isiCollections) = await DiscoverAsync(isi);

        Assert.Equal(2, collections.Count);
        Assert.Contains(collections, c => c!["title"]!.GetValue<string>().StartsWith("Everything", StringComparison.Ordinal));
        Assert.Contains(collections, c => c!["title"]!.GetValue<string>() == "Channel fbi-fsb");
        var foreign = IdOf(isiCollections, "Channel fsb-isi");
        Assert.DoesNotContain(collections, c => c!["id"]!.GetValue<string>() == foreign);

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(fbi, $"{root}collections/{foreign}/")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(fbi, $"{root}collections/{foreign}/objects/")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(fbi, $"{root}collections/{Guid.NewGuid()}/")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(fbi, $"{root}collections/{Guid.NewGuid()}/objects/")).Status);
        var own = (await GetOkAsync(fbi, $"{root}collections/{IdOf(collections, "Channel fbi-fsb")}/")).Json;
        Assert.Equal(IdOf(collections, "Channel fbi-fsb"), own["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Objects_page_with_limit_and_next_and_filter_by_added_after_type_id_version_and_spec_version()
    {
        // 20 reports, then 4 reports and a threat-actor that later gets two more versions: 25 objects, 27 versions.
        var first = Enumerable.Range(0, 20).Select(i => StixDraft.Report($"report {i}", channels: ["fbi-fsb"])).ToArray();
        await _fsb.ImportOkAsync(StixDraft.Bundle(first));
        using var fbi = Taxii(_fbi);
        var (root, collections) = await DiscoverAsync(fbi);
        var everything = $"{root}collections/{IdOf(collections, "Everything")}/";
        var firstLast = (await GetOkAsync(fbi, everything + "objects/?limit=1000")).Header("X-TAXII-Date-Added-Last");
        Assert.NotNull(firstLast);
        await Task.Delay(20);
        var actor = StixDraft.ThreatActor("actor", channels: ["fbi-fsb"]);
        var second = Enumerable.Range(0, 4).Select(i => StixDraft.Report($"later {i}", channels: ["fbi-fsb"])).Append(actor).ToArray();
        await _fsb.ImportOkAsync(StixDraft.Bundle(second));
        await _fsb.ImportOkAsync(StixDraft.Bundle(actor.Next(), actor.Next().Next()));

        // Paging: 10 + 10 + 5, following next, no duplicates, date-added headers on each page.
        var seen = new List<string>();
        var path = everything + "objects/?limit=10";
        var pages = new List<(int Count, bool More)>();
        while (true)
        {
            var page = await GetOkAsync(fbi, path);
            Assert.NotNull(page.Header("X-TAXII-Date-Added-First"));
            Assert.NotNull(page.Header("X-TAXII-Date-Added-Last"));
            var objects = page.Json["objects"]!.AsArray();
            seen.AddRange(objects.Select(o => o!["id"]!.GetValue<string>()));
            var more = page.Json["more"]!.GetValue<bool>();
            pages.Add((objects.Count, more));
            if (!more)
            {
                break;
            }

            path = everything + "objects/?limit=10&next=" + Uri.EscapeDataString(page.Json["next"]!.GetValue<string>());
        }

        Assert.Equal([(10, true), (10, true), (5, false)], pages);
        Assert.Equal(25, seen.Distinct().Count());
        Assert.Equal(first.Concat(second).Select(d => d.Id).Order(), seen.Order());

        var after = (await GetOkAsync(fbi, everything + "objects/?added_after=" + Uri.EscapeDataString(firstLast))).Json["objects"]!.AsArray();
        var manifest = (await GetOkAsync(fbi, everything + "manifest/?limit=1000")).Json["objects"]!.AsArray();
        Assert.True(after.Count == 5, $"added_after={firstLast}: {after.Count} objects; dates added: {string.Join(' ', manifest.Select(m => m!["date_added"]!.GetValue<string>()))}");
        Assert.Equal(second.Select(d => d.Id).Order(), after.Select(o => o!["id"]!.GetValue<string>()).Order());

        var actors = (await GetOkAsync(fbi, everything + "objects/?match[type]=threat-actor")).Json["objects"]!.AsArray();
        Assert.Equal([actor.Id], actors.Select(o => o!["id"]!.GetValue<string>()));
        Assert.Equal(24, (await GetOkAsync(fbi, everything + "objects/?match[type]=report&limit=1000")).Json["objects"]!.AsArray().Count);
        Assert.Empty((await GetOkAsync(fbi, everything + "objects/?match[type]=indicator")).Json["objects"]!.AsArray());

        var byId = (await GetOkAsync(fbi, everything + $"objects/?match[id]={actor.Id}")).Json["objects"]!.AsArray();
        Assert.Equal(StixDraft.Timestamp(actor.Next().Next().Modified), Assert.Single(byId)!["modified"]!.GetValue<string>());
        var allOfIt = (await GetOkAsync(fbi, everything + $"objects/?match[id]={actor.Id}&match[version]=all")).Json["objects"]!.AsArray();
        Assert.Equal(3, allOfIt.Count);
        var firstOfIt = (await GetOkAsync(fbi, everything + $"objects/?match[id]={actor.Id}&match[version]=first")).Json["objects"]!.AsArray();
        Assert.Equal(StixDraft.Timestamp(actor.Modified), Assert.Single(firstOfIt)!["modified"]!.GetValue<string>());
        Assert.Equal(27, (await GetOkAsync(fbi, everything + "objects/?match[version]=all&limit=1000")).Json["objects"]!.AsArray().Count);
        Assert.Equal(25, (await GetOkAsync(fbi, everything + "objects/?limit=1000")).Json["objects"]!.AsArray().Count);

        var old = (await GetOkAsync(fbi, everything + "objects/?match[spec_version]=2.0")).Json;
        Assert.Empty(old["objects"]?.AsArray() ?? []);
        Assert.False(old["more"]?.GetValue<bool>() ?? false);
        Assert.Equal(25, (await GetOkAsync(fbi, everything + "objects/?match[spec_version]=2.1&limit=1000")).Json["objects"]!.AsArray().Count);

        // Another party reads none of it, in any collection it has.
        using var isi = Taxii(_isi);
        Assert.Empty((await GetOkAsync(isi, everything + "objects/")).Json["objects"]?.AsArray() ?? []);
    }

    [Fact]
    public async Task Manifest_object_and_versions_endpoints()
    {
        var actor = StixDraft.ThreatActor("actor", channels: ["fbi-fsb"]);
        var report = StixDraft.Report("report", channels: ["fbi-fsb"]);
        await _fsb.ImportOkAsync(StixDraft.Bundle(actor, report));
        await _fsb.ImportOkAsync(StixDraft.Bundle(actor.Next()));
        using var fbi = Taxii(_fbi);
        var (root, collections) = await DiscoverAsync(fbi);
        var everything = $"{root}collections/{IdOf(collections, "Everything")}/";

        var manifest = await GetOkAsync(fbi, everything + "manifest/");
        Assert.NotNull(manifest.Header("X-TAXII-Date-Added-First"));
        var entries = manifest.Json["objects"]!.AsArray();
        Assert.Equal(2, entries.Count);
        foreach (var entry in entries)
        {
            Assert.NotNull(entry!["id"]);
            Assert.True(DateTimeOffset.TryParse(entry["date_added"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _));
            Assert.NotNull(entry["version"]);
            Assert.StartsWith("application/stix+json", entry["media_type"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        var one = (await GetOkAsync(fbi, everything + $"objects/{actor.Id}/")).Json["objects"]!.AsArray();
        Assert.Equal(StixDraft.Timestamp(actor.Next().Modified), Assert.Single(one)!["modified"]!.GetValue<string>());
        var versions = (await GetOkAsync(fbi, everything + $"objects/{actor.Id}/versions/")).Json["versions"]!.AsArray();
        Assert.Equal([StixDraft.Timestamp(actor.Modified), StixDraft.Timestamp(actor.Next().Modified)], versions.Select(v => v!.GetValue<string>()));

        using var isi = Taxii(_isi);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(isi, everything + $"objects/{actor.Id}/")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(isi, everything + $"objects/{actor.Id}/versions/")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(fbi, everything + $"objects/report--{Guid.NewGuid()}/")).Status);
    }

    [Fact]
    public async Task Post_answers_with_a_status_resource_that_can_be_fetched_again()
    {
        using var fbi = Taxii(_fbi);
        var (root, collections) = await DiscoverAsync(fbi);
        var channel = $"{root}collections/{IdOf(collections, "Channel fbi-fsb")}/";
        var report = StixDraft.Report("posted over TAXII");
        using var content = new StringContent(new JsonObject { ["objects"] = new JsonArray(report.ToJson()) }.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/taxii+json;version=2.1");

        using var response = await fbi.PostAsync(new Uri(channel + "objects/", UriKind.Relative), content);

        var answer = await Answer.ReadAsync(response);
        Assert.True(answer.Status == HttpStatusCode.Accepted, answer.ToString());
        AssertTaxiiMediaType(response);
        var status = answer.Json;
        Assert.Equal("complete", status["status"]!.GetValue<string>());
        Assert.Equal(1, status["total_count"]!.GetValue<int>());
        Assert.Equal(1, status["success_count"]!.GetValue<int>());
        Assert.Equal(0, status["failure_count"]!.GetValue<int>());
        Assert.Equal(0, status["pending_count"]!.GetValue<int>());
        Assert.Equal(report.Id, status["successes"]![0]!["id"]!.GetValue<string>());
        var id = status["id"]!.GetValue<string>();

        var again = (await GetOkAsync(fbi, $"{root}status/{id}/")).Json;
        Assert.Equal(id, again["id"]!.GetValue<string>());
        Assert.Equal(1, again["success_count"]!.GetValue<int>());
        using var isi = Taxii(_isi);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(isi, $"{root}status/{id}/")).Status);

        // Posted to the channel's collection: released to the channel, so the other member reads it.
        Assert.Equal(HttpStatusCode.OK, (await _fsb.GetAsync($"/api/objects/{report.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _isi.GetAsync($"/api/objects/{report.Id}")).Status);
    }

    [Fact]
    public async Task Media_types_are_negotiated_and_basic_auth_with_the_api_key_as_password_works()
    {
        using var fbi = Taxii(_fbi);
        var (root, collections) = await DiscoverAsync(fbi);
        var everything = $"{root}collections/{IdOf(collections, "Everything")}/";

        using var xml = _node.Client(_fbi.Key.Token);
        xml.DefaultRequestHeaders.Accept.ParseAdd("application/xml");
        Assert.Equal(HttpStatusCode.NotAcceptable, (await GetAsync(xml, "/taxii2/")).Status);
        Assert.Equal(HttpStatusCode.NotAcceptable, (await GetAsync(xml, everything + "objects/")).Status);
        using var taxii20 = _node.Client(_fbi.Key.Token);
        taxii20.DefaultRequestHeaders.Accept.ParseAdd("application/taxii+json;version=2.0");
        Assert.Equal(HttpStatusCode.NotAcceptable, (await GetAsync(taxii20, "/taxii2/")).Status);

        using var text = new StringContent(new JsonObject { ["objects"] = new JsonArray(StixDraft.Report("as text").ToJson()) }.ToJsonString(), Encoding.UTF8, "text/plain");
        using var posted = await fbi.PostAsync(new Uri(everything + "objects/", UriKind.Relative), text);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, posted.StatusCode);

        using var basic = _node.Client(null);
        basic.DefaultRequestHeaders.Accept.ParseAdd("application/taxii+json;version=2.1");
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("analyst@us-fbi:" + _fbi.Key.Token)));
        var (_, viaBasic) = await DiscoverAsync(basic);
        Assert.Equal(collections.Select(c => c!["id"]!.GetValue<string>()), viaBasic.Select(c => c!["id"]!.GetValue<string>()));

        using var wrong = _node.Client(null);
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("analyst@us-fbi:not-the-key")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(wrong, "/taxii2/")).Status);
        using var anonymous = _node.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(anonymous, "/taxii2/")).Status);
    }
}
