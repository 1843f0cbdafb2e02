namespace Concord.Domain.Tests.Support;

/// <summary>
/// Hand-written valid STIX 2.1 domain and relationship objects: one for each of the 19 SDO types and both SROs,
/// each with several optional properties so that mutations have something to break.
/// </summary>
internal static class ValidDomainObjects
{
    public const string Identity = "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff";
    public const string Tlp2Amber = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["attack-pattern"] = """
            {"type":"attack-pattern","spec_version":"2.1","id":"attack-pattern--7e33a43e-e34b-40ec-89da-36c9bb2cacd5",
             "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
             "created":"2024-03-22T17:58:00.000Z","modified":"2024-03-22T17:58:00.000Z","name":"Spear phishing as practised by Adversary X",
             "description":"Targeted e-mail with a weaponised attachment.","aliases":["spearphish"],
             "external_references":[{"source_name":"capec","external_id":"CAPEC-163"}],
             "kill_chain_phases":[{"kill_chain_name":"lockheed-martin-cyber-kill-chain","phase_name":"delivery"}],
             "confidence":80,"lang":"en","labels":["phishing"],
             "object_marking_refs":["marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"]}
            """,
        ["campaign"] = """
            {"type":"campaign","spec_version":"2.1","id":"campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
             "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
             "created":"2016-04-06T20:03:00.000Z","modified":"2016-04-06T20:03:00.000Z","name":"Green Group Attacks Against Finance",
             "description":"Campaign by Green Group against a series of targets in the financial services sector.",
             "aliases":["GGAAF"],"first_seen":"2016-01-08T12:50:40.123Z","last_seen":"2016-04-01T00:00:00.000Z","objective":"Steal money"}
            """,
        ["course-of-action"] = """
            {"type":"course-of-action","spec_version":"2.1","id":"course-of-action--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
             "created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z","name":"Add TCP port 80 Filter Rule",
             "description":"Block inbound access to TCP port 80."}
            """,
        ["grouping"] = """
            {"type":"grouping","spec_version":"2.1","id":"grouping--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3",
             "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
             "created":"2015-12-21T19:59:11.000Z","modified":"2015-12-21T19:59:11.000Z","name":"The Black Vine Cyberespionage Group",
             "context":"suspicious-activity",
             "object_refs":["indicator--26ffb872-1dd9-446e-b6f5-d58527e5b5d2","campaign--83422c77-904c-4dc1-aff5-5c38f3a2c55c"]}
            """,
        ["identity"] = """
            {"type":"identity","spec_version":"2.1","id":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
             "created":"2016-04-06T20:03:00.000Z","modified":"2016-04-06T20:03:00.000Z","name":"John Smith",
             "identity_class":"individual","roles":["analyst"],"sectors":["government"],"contact_information":"+1 555 0100"}
            """,
        ["incident"] = """
            {"type":"incident","spec_version":"2.1","id":"incident--1e4dc9e1-3e5c-4c52-8a7c-5e6e8c2f0a11",
             "created":"2024-01-02T03:04:05.006Z","modified":"2024-01-02T03:04:05.006Z","name":"Bombing of the Kabul checkpoint",
             "description":"Coordinated attack.","kill_chain_phases":[{"kill_chain_name":"mitre-attack","phase_name":"impact"}]}
            """,
        ["indicator"] = """
            {"type":"indicator","spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
             "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
             "created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z","indicator_types":["malicious-activity"],
             "name":"Poison Ivy Malware","description":"This file is part of Poison Ivy",
             "pattern":"[ file:hashes.'SHA-256' = '4bac27393bdd9777ce02453256c5577cd02275510b2227f473d03f533924f877' ]",
             "pattern_type":"stix","pattern_version":"2.1","valid_from":"2016-01-01T00:00:00Z","valid_until":"2017-01-01T00:00:00Z",
             "confidence":100,"revoked":false,
             "granular_markings":[{"marking_ref":"marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421","selectors":["description"]}]}
            """,
        ["infrastructure"] = """
            {"type":"infrastructure","spec_version":"2.1","id":"infrastructure--38c47d93-d984-4fd9-b87b-d69d0841628d",
             "created":"2016-05-07T11:22:30.000Z","modified":"2016-05-07T11:22:30.000Z","name":"Poison Ivy C2",
             "infrastructure_types":["command-and-control"],"first_seen":"2016-05-07T11:22:30.000Z","last_seen":"2016-05-07T11:22:30.000Z"}
            """,
        ["intrusion-set"] = """
            {"type":"intrusion-set","spec_version":"2.1","id":"intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29",
             "created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z","name":"Bobcat Breakin",
             "description":"Incidents usually feature a shared TTP of a bobcat being released within the building containing network access.",
             "aliases":["Zookeeper"],"goals":["acquisition-theft","harassment","damage"],"resource_level":"organization",
             "primary_motivation":"ideology","secondary_motivations":["dominance"]}
            """,
        ["location"] = """
            {"type":"location","spec_version":"2.1","id":"location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64",
             "created":"2016-04-06T20:03:00.000Z","modified":"2016-04-06T20:03:00.000Z","name":"Kabul",
             "latitude":34.5553,"longitude":69.2075,"precision":1000.0,"region":"southern-asia","country":"AF","city":"Kabul"}
            """,
        ["malware"] = """
            {"type":"malware","spec_version":"2.1","id":"malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
             "created":"2016-05-12T08:17:27.000Z","modified":"2016-05-12T08:17:27.000Z","name":"Cryptolocker",
             "description":"A variant of the cryptolocker family","malware_types":["ransomware"],"is_family":false,
             "first_seen":"2016-05-12T08:17:27.000Z","implementation_languages":["c"],
             "operating_system_refs":["software--7b8c9f5e-2a2a-5b0e-8d9f-8d0e4c2a1b3c"],
             "sample_refs":["file--364fe3e5-b1f4-5ba3-b951-ee5983b3538d"]}
            """,
        ["malware-analysis"] = """
            {"type":"malware-analysis","spec_version":"2.1","id":"malware-analysis--d25167b7-fed0-4068-9ccd-a73dd2c5b07c",
             "created":"2020-01-16T18:52:24.277Z","modified":"2020-01-16T18:52:24.277Z","product":"microsoft",
             "analysis_engine_version":"5.1.0","analysis_started":"2020-01-16T18:52:24.277Z","analysis_ended":"2020-01-16T18:52:25.000Z",
             "result":"malicious","sample_ref":"file--364fe3e5-b1f4-5ba3-b951-ee5983b3538d"}
            """,
        ["note"] = """
            {"type":"note","spec_version":"2.1","id":"note--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
             "created":"2016-05-12T08:17:27.000Z","modified":"2016-05-12T08:17:27.000Z",
             "external_references":[{"source_name":"job-tracker","external_id":"job-id-1234"}],
             "abstract":"Tracking Team Note#1","content":"This note indicates the various steps taken by the threat analyst team.",
             "authors":["John Doe"],"object_refs":["campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"]}
            """,
        ["observed-data"] = """
            {"type":"observed-data","spec_version":"2.1","id":"observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf",
             "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
             "created":"2016-04-06T19:58:16.000Z","modified":"2016-04-06T19:58:16.000Z",
             "first_observed":"2015-12-21T19:00:00Z","last_observed":"2015-12-21T19:00:00Z","number_observed":50,
             "object_refs":["ipv4-addr--efcd5e80-570d-4131-b213-62cb18eaa6a8","domain-name--ecb120bf-2694-4902-a737-62b74539a41b"]}
            """,
        ["opinion"] = """
            {"type":"opinion","spec_version":"2.1","id":"opinion--b01efc25-77b4-4003-b18b-f6e24b5cd9f7",
             "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
             "created":"2016-05-12T08:17:27.000Z","modified":"2016-05-12T08:17:27.000Z",
             "explanation":"The attribution is uncertain.","opinion":"disagree",
             "object_refs":["relationship--16d2358f-3b0d-4c88-b047-0da2f7ed4471"]}
            """,
        ["report"] = """
            {"type":"report","spec_version":"2.1","id":"report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3",
             "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
             "created":"2015-12-21T19:59:11.000Z","modified":"2015-12-21T19:59:11.000Z","name":"Joint threat assessment: TTP in the north",
             "description":"Assessment prepared by the working group.","published":"2016-01-20T17:00:00.000Z",
             "report_types":["threat-actor"],
             "object_refs":["indicator--26ffb872-1dd9-446e-b6f5-d58527e5b5d2","campaign--83422c77-904c-4dc1-aff5-5c38f3a2c55c"]}
            """,
        ["threat-actor"] = """
            {"type":"threat-actor","spec_version":"2.1","id":"threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
             "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
             "created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z","threat_actor_types":["crime-syndicate"],
             "name":"Evil Org","description":"The Evil Org threat actor group","aliases":["Syndicate 1","Evil Syndicate 99"],
             "roles":["director"],"goals":["Steal bank money","Steal credit cards"],"sophistication":"advanced",
             "resource_level":"team","primary_motivation":"organizational-gain",
             "first_seen":"2015-01-01T00:00:00.000Z","last_seen":"2016-01-01T00:00:00.000Z"}
            """,
        ["tool"] = """
            {"type":"tool","spec_version":"2.1","id":"tool--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
             "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
             "created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z","tool_types":["remote-access"],
             "name":"VNC","tool_version":"4.1"}
            """,
        ["vulnerability"] = """
            {"type":"vulnerability","spec_version":"2.1","id":"vulnerability--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
             "created":"2016-05-12T08:17:27.000Z","modified":"2016-05-12T08:17:27.000Z","name":"CVE-2016-1234",
             "external_references":[{"source_name":"cve","external_id":"CVE-2016-1234"}]}
            """,
        ["relationship"] = """
            {"type":"relationship","spec_version":"2.1","id":"relationship--57b56a43-b8b0-4cba-9deb-34e3e1faed9e",
             "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
             "created":"2016-04-06T20:06:37.000Z","modified":"2016-04-06T20:06:37.000Z","relationship_type":"indicates",
             "description":"This indicator detects the malware.",
             "source_ref":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","target_ref":"malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
             "start_time":"2016-04-06T20:06:37.000Z","stop_time":"2016-04-07T20:06:37.000Z"}
            """,
        ["sighting"] = """
            {"type":"sighting","spec_version":"2.1","id":"sighting--ee20065d-2555-424f-ad9e-0f8428623c75",
             "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
             "created":"2016-04-06T20:08:31.000Z","modified":"2016-04-06T20:08:31.000Z",
             "first_seen":"2015-12-21T19:00:00Z","last_seen":"2015-12-21T19:00:00Z","count":50,
             "sighting_of_ref":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
             "observed_data_refs":["observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf"],
             "where_sighted_refs":["identity--f431f809-377b-45e0-aa1c-6a4751cae5ff"],"summary":false}
            """,
    };
}
