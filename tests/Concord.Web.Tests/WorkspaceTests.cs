using System.Text.Json.Nodes;
using Concord.Domain.Stix;

namespace Concord.Web.Tests;

/// <summary>
/// The workspace in real headless Chromium against a demo node: each test asserts one scenario of
/// <c>src/Concord.Web/e2e/scenarios.mjs</c>, which the fixture runs once in a single browser. Every scenario
/// also fails if the browser tried to reach anything other than 127.0.0.1. Screenshots go to docs/screenshots.
/// </summary>
public sealed class WorkspaceTests(WorkspaceTests.Run run) : IClassFixture<WorkspaceTests.Run>
{
    private const string Pk = "analyst@pk-isi";
    private const string Ru = "analyst@ru-fsb";

    /// <summary>The demo node, a report (with a located incident) that us-dni releases to pk-isi alone, and the browser run.</summary>
    public sealed class Run : IAsyncLifetime
    {
        public static readonly string Report = $"report--{Guid.NewGuid()}";
        public static readonly string Incident = $"incident--{Guid.NewGuid()}";
        public static readonly string Location = $"location--{Guid.NewGuid()}";
        public static readonly string LocatedAt = $"relationship--{Guid.NewGuid()}";

        private WebNode? _node;
        private JsonObject? _results;

        public JsonObject Results => _results ?? throw new InvalidOperationException("the browser did not run");

        public IReadOnlySet<string> ExpectedPk { get; private set; } = new HashSet<string>();

        public IReadOnlySet<string> ExpectedRu { get; private set; } = new HashSet<string>();

        public async Task InitializeAsync()
        {
            if (BrowserEnvironment.SkipReason is not null)
            {
                return;
            }

            _node = await WebNode.StartAsync(store => WebNode.ImportAsync(store, "analyst@us-dni", SecretBundle()));
            ExpectedPk = await _node.ExpectedInboxAsync("pk-isi");
            ExpectedRu = await _node.ExpectedInboxAsync("ru-fsb");
            var nonce = Guid.NewGuid().ToString("N")[..6];
            var config = new JsonObject
            {
                ["url"] = _node.Url,
                ["keys"] = _node.KeysJson(),
                ["screenshots"] = Path.Combine(BrowserEnvironment.RepositoryRoot, "docs", "screenshots"),
                ["scenarios"] = new JsonArray("isolation", "compose", "session", "paste", "language", "ops"),
                ["isolation"] = new JsonObject { ["members"] = new JsonArray(Pk, Ru), ["report"] = Report, ["searchWord"] = "Torkham", ["graphShot"] = "threat-actor--bd00ec5e-93f2-4c83-a29b-6dfac2d638eb" },
                ["compose"] = new JsonObject
                {
                    ["author"] = Ru,
                    ["recipient"] = Pk,
                    ["outsider"] = "analyst@us-dni",
                    ["channel"] = "pk-ru-jwg",
                    ["name"] = $"Вилаят Хорасан — ячейка {nonce}",
                    ["aliases"] = new JsonArray("ولاية خراسان", "Wilayat Khorasan cell"),
                    ["description"] = "Курьерская сеть между Термезом и Мазари-Шарифом (e2e).",
                    ["linkSearch"] = "Krasnogorsk",
                },
                ["session"] = new JsonObject { ["member"] = "analyst@kz-knb", ["channel"] = "ca-af-border", ["draftName"] = $"Al-Azaim outreach {nonce}" },
                ["paste"] = new JsonObject { ["member"] = Ru, ["invalid"] = InvalidBundle() },
                ["language"] = new JsonObject { ["member"] = Pk },
                ["ops"] = new JsonObject { ["members"] = new JsonArray("duty@us-dni", "duty@ru-fsb"), ["at"] = new JsonArray(34.52, 69.18) },
            };
            _results = await Harness.RunAsync(config, TimeSpan.FromMinutes(6));
        }

        public async Task DisposeAsync()
        {
            if (_node is not null)
            {
                await _node.DisposeAsync();
            }
        }

        private static string SecretBundle()
        {
            var release = new JsonObject { ["extension_type"] = "property-extension", ["release"] = new JsonObject { ["channels"] = new JsonArray(), ["parties"] = new JsonArray("pk-isi") }, ["caveats"] = new JsonArray("H1"), ["grading"] = "B2" };
            JsonObject Sdo(string type, string id, JsonObject properties)
            {
                var o = new JsonObject
                {
                    ["type"] = type, ["spec_version"] = "2.1", ["id"] = id, ["created"] = "2026-05-02T06:00:00.000Z", ["modified"] = "2026-05-02T06:00:00.000Z",
                    ["object_marking_refs"] = new JsonArray(Tlp.MarkingIdOf(TlpLevel.AmberStrict)),
                    ["extensions"] = new JsonObject { [ConcordExtension.Id] = release.DeepClone() },
                };
                foreach (var (k, v) in properties)
                {
                    o[k] = v?.DeepClone();
                }

                return o;
            }

            return new JsonObject
            {
                ["type"] = "bundle",
                ["id"] = $"bundle--{Guid.NewGuid()}",
                ["objects"] = new JsonArray(
                    Sdo("report", Report, new JsonObject { ["name"] = "Torkham crossing: ISKP courier network (for ISI only)", ["published"] = "2026-05-02T06:00:00.000Z", ["report_types"] = new JsonArray("threat-report"), ["object_refs"] = new JsonArray(Incident, Location, LocatedAt), ["description"] = "Illustrative e2e report released to pk-isi alone." }),
                    Sdo("incident", Incident, new JsonObject { ["name"] = "Courier arrested at the Torkham crossing" }),
                    Sdo("location", Location, new JsonObject { ["name"] = "Torkham border crossing", ["latitude"] = 34.1136, ["longitude"] = 71.0887 }),
                    Sdo("relationship", LocatedAt, new JsonObject { ["relationship_type"] = "located-at", ["source_ref"] = Incident, ["target_ref"] = Location })),
            }.ToJsonString();
        }

        private static JsonObject InvalidBundle() => new()
        {
            ["type"] = "bundle",
            ["id"] = $"bundle--{Guid.NewGuid()}",
            ["objects"] = new JsonArray(new JsonObject
            {
                ["type"] = "threat-actor", ["spec_version"] = "2.1", ["id"] = $"threat-actor--{Guid.NewGuid()}",
                ["created"] = "2026-05-02T06:00:00.000Z", ["modified"] = "2026-05-02T06:00:00.000Z",
            }),
        };
    }

    [BrowserFact]
    public void Each_party_sees_exactly_its_own_inbox()
    {
        var data = Harness.Scenario(run.Results, "isolation");

        Assert.Equal(run.ExpectedPk.Order(StringComparer.Ordinal), Harness.Strings(data[Pk]!["inbox"]).Order(StringComparer.Ordinal));
        Assert.Equal(run.ExpectedRu.Order(StringComparer.Ordinal), Harness.Strings(data[Ru]!["inbox"]).Order(StringComparer.Ordinal));
        Assert.Contains(Run.Report, run.ExpectedPk);
        Assert.DoesNotContain(Run.Report, run.ExpectedRu);
    }

    [BrowserFact]
    public void A_report_released_to_one_party_is_absent_for_the_other_in_inbox_search_object_graph_and_map()
    {
        var data = Harness.Scenario(run.Results, "isolation");
        var pk = data[Pk]!;
        var ru = data[Ru]!;

        Assert.Contains(Run.Report, Harness.Strings(pk["inbox"]));
        Assert.Contains(Run.Report, Harness.Strings(pk["search"]));
        Assert.True(pk["object"]!["found"]!.GetValue<bool>());
        Assert.Equal(["pk-isi"], Harness.Strings(pk["object"]!["parties"]));
        Assert.Contains(Run.Incident, Harness.Strings(pk["graph"]!["nodes"]));
        Assert.Contains(Run.Incident, Harness.Strings(pk["map"]!["incidents"]));

        Assert.DoesNotContain(Run.Report, Harness.Strings(ru["inbox"]));
        Assert.DoesNotContain(Run.Incident, Harness.Strings(ru["inbox"]));
        Assert.DoesNotContain(Run.Report, Harness.Strings(ru["search"]));
        Assert.False(ru["object"]!["found"]!.GetValue<bool>());
        Assert.False(ru["graph"]!["found"]!.GetValue<bool>());
        Assert.DoesNotContain(Run.Incident, Harness.Strings(ru["map"]!["incidents"]));
        Assert.DoesNotContain(Run.Location, Harness.Strings(ru["map"]!["locations"]));
    }

    [BrowserFact]
    public void The_who_can_see_this_panel_states_release_tlp_caveats_and_grading_in_words()
    {
        var pk = Harness.Scenario(run.Results, "isolation")[Pk]!["object"]!;

        Assert.Contains("only within the recipient's organisation", pk["tlp"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("not to be used in court", pk["caveats"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("usually reliable", pk["grading"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [BrowserFact]
    public void Compose_previews_the_recipients_releases_and_reaches_exactly_them()
    {
        var data = Harness.Scenario(run.Results, "compose");

        Assert.False(string.IsNullOrWhiteSpace(data["emptyNameError"]!.GetValue<string>()));
        Assert.Equal(["pk-isi"], Harness.Strings(data["recipients"]));
        Assert.StartsWith("threat-actor--", data["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("Вилаят Хорасан", data["view"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["pk-ru-jwg"], Harness.Strings(data["view"]!["channels"]));
        Assert.Single(Harness.Strings(data["relationships"]));
        Assert.True(data["seen"]![Pk]!["inbox"]!.GetValue<bool>());
        Assert.True(data["seen"]![Pk]!["object"]!.GetValue<bool>());
        Assert.False(data["seen"]!["analyst@us-dni"]!["inbox"]!.GetValue<bool>());
        Assert.False(data["seen"]!["analyst@us-dni"]!["object"]!.GetValue<bool>());
        Assert.NotEqual(string.Empty, data["picked"]!["lat"]!.GetValue<string>());
        Assert.StartsWith("location--", data["location"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [BrowserFact]
    public void The_session_cookie_is_http_only_and_strict_and_state_changes_need_the_csrf_token()
    {
        var data = Harness.Scenario(run.Results, "session");

        Assert.True(data["cookie"]!["httpOnly"]!.GetValue<bool>());
        Assert.Equal("Strict", data["cookie"]!["sameSite"]!.GetValue<string>());
        Assert.False(data["scriptCanReadCookie"]!.GetValue<bool>());
        Assert.Equal(403, data["noToken"]!.GetValue<int>());
        Assert.Equal(403, data["wrongToken"]!.GetValue<int>());
        Assert.Equal(204, data["withToken"]!.GetValue<int>());
        Assert.Equal(401, data["afterSignOut"]!.GetValue<int>());
    }

    [BrowserFact]
    public void An_expired_session_returns_to_sign_in_without_losing_the_draft()
    {
        var data = Harness.Scenario(run.Results, "session");

        Assert.Equal(204, data["ended"]!.GetValue<int>());
        Assert.True(data["overlayShown"]!.GetValue<bool>());
        Assert.StartsWith("Al-Azaim outreach", data["sentName"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [BrowserFact]
    public void Pasted_stix_that_is_invalid_is_refused_with_the_pointer_shown()
    {
        var data = Harness.Scenario(run.Results, "paste");

        Assert.Contains("Not JSON", data["syntax"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(Harness.Strings(data["pointers"]), p => p.StartsWith("/objects/0", StringComparison.Ordinal));
        Assert.Contains("name", data["problems"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [BrowserFact]
    public void The_interface_switches_to_russian_and_dates_follow_the_chosen_format_in_utc()
    {
        var data = Harness.Scenario(run.Results, "language");

        Assert.Contains("Входящие", Harness.Strings(data["nav"]));
        Assert.Contains("Карта", Harness.Strings(data["nav"]));
        Assert.Matches(@"^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2} UTC$", data["date"]!.GetValue<string>());
    }

    [BrowserFact]
    public void A_conflict_notice_arrives_live_and_is_acknowledged_and_resolved_on_the_board()
    {
        var data = Harness.Scenario(run.Results, "ops");

        Assert.Contains("no conflict", data["first"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("1 conflict", data["second"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(data["events"]!.GetValue<int>() >= 1);
        Assert.Contains("Дежурный Б", data["notice"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("resolved", data["state"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [BrowserFact]
    public void No_request_of_any_scenario_left_127_0_0_1()
    {
        foreach (var (name, result) in run.Results)
        {
            Assert.True(result!["requests"]!.GetValue<int>() > 0, $"scenario {name} made no request at all");
            Assert.Empty(result["external"]!.AsArray());
        }
    }
}
