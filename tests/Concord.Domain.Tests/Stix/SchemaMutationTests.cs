using System.Text.Json.Nodes;
using Concord.Domain.Tests.Support;

namespace Concord.Domain.Tests.Stix;

/// <summary>
/// Differential tests against the OASIS schemas: a valid object broken in a way the schema refuses must be
/// refused by Concord's validator too, with an error whose JSON pointer names the broken property.
/// </summary>
public sealed class SchemaMutationTests
{
    private static readonly Dictionary<string, JsonObject> Valid = TestData.HandWrittenObjects().ToDictionary(o => o.Label, o => o.Object);

    /// <summary>Drops the schema refuses but Concord accepts on purpose, with the reason.</summary>
    private static readonly Dictionary<(string Label, string Property), string> AcceptedOnPurpose = new()
    {
        [("marking-definition tlp 1.0 red", "name")] = "TLP markings are known by their fixed ids; the OASIS examples themselves omit name",
    };

    private static readonly Dictionary<string, (string Base, Action<JsonObject> Apply, string Pointer)> Mutations = new(StringComparer.Ordinal)
    {
        ["id with a variant outside RFC 4122"] = ("indicator", o => o["id"] = "indicator--8e2e2d2b-17d4-4cbf-738f-98ee46b3cd3f", "/id"),
        ["id with UUID version 0"] = ("indicator", o => o["id"] = "indicator--8e2e2d2b-17d4-0cbf-938f-98ee46b3cd3f", "/id"),
        ["id without a UUID"] = ("indicator", o => o["id"] = "indicator--1234", "/id"),
        ["id with one hyphen"] = ("indicator", o => o["id"] = "indicator-8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "/id"),
        ["id naming another type"] = ("indicator", o => o["id"] = "malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "/id"),
        ["observable id naming another type"] = ("ipv4-addr", o => o["id"] = "ipv6-addr--ff26c055-6336-5bc5-b98d-13d6226742dd", "/id"),
        ["type in upper case"] = ("indicator", o => o["type"] = "Indicator", "/type"),
        ["created without Z"] = ("indicator", o => o["created"] = "2016-04-06T20:03:48.000", "/created"),
        ["created with an offset"] = ("indicator", o => o["created"] = "2016-04-06T20:03:48.000+00:00", "/created"),
        ["created with a space for T"] = ("indicator", o => o["created"] = "2016-04-06 20:03:48.000Z", "/created"),
        ["created with two fractional digits"] = ("indicator", o => o["created"] = "2016-04-06T20:03:48.00Z", "/created"),
        ["created without fraction"] = ("campaign", o => o["created"] = "2016-04-06T20:03:00Z", "/created"),
        ["modified with one fractional digit"] = ("report", o => o["modified"] = "2015-12-21T19:59:11.0Z", "/modified"),
        ["created in month 13"] = ("tool", o => o["created"] = "2016-13-06T20:03:48.000Z", "/created"),
        ["created as a number"] = ("tool", o => o["created"] = 1459973028000, "/created"),
        ["valid_from in words"] = ("indicator", o => o["valid_from"] = "yesterday", "/valid_from"),
        ["published as a date only"] = ("report", o => o["published"] = "2016-01-20", "/published"),
        ["first_observed without Z"] = ("observed-data", o => o["first_observed"] = "2015-12-21T19:00:00", "/first_observed"),
        ["marking created without Z"] = ("marking-definition statement", o => o["created"] = "2016-08-01T00:00:00.000", "/created"),
        ["observable timestamp without Z"] = ("directory", o => o["ctime"] = "2016-12-21T19:00:00", "/ctime"),
        ["spec_version 2.2"] = ("marking-definition statement", o => o["spec_version"] = "2.2", "/spec_version"),
        ["confidence 101"] = ("attack-pattern", o => o["confidence"] = 101, "/confidence"),
        ["confidence -1"] = ("attack-pattern", o => o["confidence"] = -1, "/confidence"),
        ["confidence as text"] = ("attack-pattern", o => o["confidence"] = "high", "/confidence"),
        ["confidence with a fraction"] = ("attack-pattern", o => o["confidence"] = 50.5, "/confidence"),
        ["revoked as text"] = ("indicator", o => o["revoked"] = "false", "/revoked"),
        ["is_family as text"] = ("malware", o => o["is_family"] = "true", "/is_family"),
        ["name as a number"] = ("campaign", o => o["name"] = 7, "/name"),
        ["description as a list"] = ("campaign", o => o["description"] = new JsonArray("a"), "/description"),
        ["labels empty"] = ("attack-pattern", o => o["labels"] = new JsonArray(), "/labels"),
        ["labels as a string"] = ("attack-pattern", o => o["labels"] = "phishing", "/labels"),
        ["labels holding a number"] = ("attack-pattern", o => o["labels"] = new JsonArray(1), "/labels/0"),
        ["aliases empty"] = ("campaign", o => o["aliases"] = new JsonArray(), "/aliases"),
        ["threat_actor_types empty"] = ("threat-actor", o => o["threat_actor_types"] = new JsonArray(), "/threat_actor_types"),
        ["external_references empty"] = ("attack-pattern", o => o["external_references"] = new JsonArray(), "/external_references"),
        ["external reference without source_name"] = ("attack-pattern", o => o["external_references"] = new JsonArray(new JsonObject { ["external_id"] = "CAPEC-163" }), "/external_references/0/source_name"),
        ["object_marking_refs empty"] = ("attack-pattern", o => o["object_marking_refs"] = new JsonArray(), "/object_marking_refs"),
        ["object_marking_refs holding a non-id"] = ("attack-pattern", o => o["object_marking_refs"] = new JsonArray("TLP:AMBER"), "/object_marking_refs/0"),
        ["created_by_ref not an id"] = ("attack-pattern", o => o["created_by_ref"] = "John Smith", "/created_by_ref"),
        ["granular marking_ref to an identity"] = ("indicator", o => o["granular_markings"]![0]!["marking_ref"] = ValidDomainObjects.Identity, "/granular_markings/0/marking_ref"),
        ["granular marking selectors empty"] = ("indicator", o => o["granular_markings"]![0]!["selectors"] = new JsonArray(), "/granular_markings/0/selectors"),
        ["granular_markings empty"] = ("indicator", o => o["granular_markings"] = new JsonArray(), "/granular_markings"),
        ["kill chain phase without phase_name"] = ("attack-pattern", o => o["kill_chain_phases"] = new JsonArray(new JsonObject { ["kill_chain_name"] = "x-chain" }), "/kill_chain_phases/0/phase_name"),
        ["kill_chain_phases empty"] = ("incident", o => o["kill_chain_phases"] = new JsonArray(), "/kill_chain_phases"),
        ["number_observed 0"] = ("observed-data", o => o["number_observed"] = 0, "/number_observed"),
        ["number_observed as text"] = ("observed-data", o => o["number_observed"] = "50", "/number_observed"),
        ["observed-data with objects and object_refs"] = ("observed-data", o => o["objects"] = new JsonObject { ["0"] = new JsonObject { ["type"] = "ipv4-addr", ["value"] = "10.0.0.1" } }, "/object_refs"),
        ["object_refs empty"] = ("report", o => o["object_refs"] = new JsonArray(), "/object_refs"),
        ["object_refs holding a non-id"] = ("grouping", o => o["object_refs"] = new JsonArray("campaign 7"), "/object_refs/0"),
        ["sighting count -1"] = ("sighting", o => o["count"] = -1, "/count"),
        ["sighting of a relationship"] = ("sighting", o => o["sighting_of_ref"] = "relationship--57b56a43-b8b0-4cba-9deb-34e3e1faed9e", "/sighting_of_ref"),
        ["sighting seen where a malware is"] = ("sighting", o => o["where_sighted_refs"] = new JsonArray("malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061"), "/where_sighted_refs/0"),
        ["sighting observed_data_refs to an indicator"] = ("sighting", o => o["observed_data_refs"] = new JsonArray("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"), "/observed_data_refs/0"),
        ["relationship_type in upper case"] = ("relationship", o => o["relationship_type"] = "Indicates", "/relationship_type"),
        ["relationship from a relationship"] = ("relationship", o => o["source_ref"] = "relationship--16d2358f-3b0d-4c88-b047-0da2f7ed4471", "/source_ref"),
        ["relationship to a marking definition"] = ("relationship", o => o["target_ref"] = ValidDomainObjects.Tlp2Amber, "/target_ref"),
        ["relationship to a bundle"] = ("relationship", o => o["target_ref"] = "bundle--44af6c39-c09b-49c5-9de2-394224b04982", "/target_ref"),
        ["malware operating system that is a file"] = ("malware", o => o["operating_system_refs"] = new JsonArray("file--364fe3e5-b1f4-5ba3-b951-ee5983b3538d"), "/operating_system_refs/0"),
        ["malware-analysis sample that is an address"] = ("malware-analysis", o => o["sample_ref"] = "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd", "/sample_ref"),
        ["latitude 91"] = ("location", o => o["latitude"] = 91, "/latitude"),
        ["longitude -181"] = ("location", o => o["longitude"] = -181, "/longitude"),
        ["latitude without longitude"] = ("location", o => o.Remove("longitude"), "/longitude"),
        ["opinion outside its vocabulary"] = ("opinion", o => o["opinion"] = "maybe", "/opinion"),
        ["extensions empty"] = ("malware", o => o["extensions"] = new JsonObject(), "/extensions"),
        ["extension key neither a definition id nor -ext"] = ("malware", o => o["extensions"] = new JsonObject { ["my-extension"] = new JsonObject { ["x"] = 1 } }, "/extensions/my-extension"),
        ["extension that is not an object"] = ("malware", o => o["extensions"] = new JsonObject { ["extension-definition--9c59fd79-4215-4ba2-920d-3e4f320e1e62"] = "x" }, "/extensions/extension-definition--9c59fd79-4215-4ba2-920d-3e4f320e1e62"),
        ["custom property name of two characters"] = ("campaign", o => o["xy"] = "z", "/xy"),
        ["custom property name with a hyphen"] = ("campaign", o => o["x-foo"] = "z", "/x-foo"),
        ["custom property name starting upper case"] = ("campaign", o => o["X_foo"] = "z", "/X_foo"),
        ["custom property holding an empty list"] = ("campaign", o => o["x_foo"] = new JsonArray(), "/x_foo"),
        ["marking statement that is text"] = ("marking-definition statement", o => o["definition"] = "Copyright", "/definition"),
        ["language-content contents that are text"] = ("language-content", o => o["contents"] = "text", "/contents"),
        ["language-content for a language-content"] = ("language-content", o => o["object_ref"] = "language-content--b86bd89f-98bb-4fa9-8cb2-9ad421da981d", "/object_ref"),
        ["extension_types empty"] = ("extension-definition", o => o["extension_types"] = new JsonArray(), "/extension_types"),
        ["extension_types outside its enumeration"] = ("extension-definition", o => o["extension_types"] = new JsonArray("new-thing"), "/extension_types/0"),
        ["artifact with payload_bin and url"] = ("artifact", o => o["url"] = "https://example.com/a.zip", "/payload_bin"),
        ["artifact decryption_key without encryption_algorithm"] = ("artifact", o => o.Remove("encryption_algorithm"), "/encryption_algorithm"),
        ["autonomous-system number as text"] = ("autonomous-system", o => o["number"] = "15139", "/number"),
        ["multipart email with a body"] = ("email-message", o => o["is_multipart"] = true, "/body"),
        ["file hashes empty"] = ("file", o => o["hashes"] = new JsonObject(), "/hashes"),
        ["file size -1"] = ("file", o => o["size"] = -1, "/size"),
        ["file without hashes and name"] = ("file", o => { o.Remove("hashes"); o.Remove("name"); }, "/name"),
        ["network traffic without src_ref and dst_ref"] = ("network-traffic", o => { o.Remove("src_ref"); o.Remove("dst_ref"); }, "/src_ref"),
        ["network traffic port 70000"] = ("network-traffic", o => o["src_port"] = 70000, "/src_port"),
        ["network traffic protocols empty"] = ("network-traffic", o => o["protocols"] = new JsonArray(), "/protocols"),
        ["active network traffic with an end"] = ("network-traffic", o => o["end"] = "2016-04-06T21:03:48.000Z", "/end"),
        ["ipv4 address with an octet of 999"] = ("ipv4-addr", o => o["value"] = "999.1.1.1", "/value"),
        ["ipv4 block with a prefix of 33"] = ("ipv4-addr", o => o["value"] = "198.51.100.0/33", "/value"),
        ["ipv4 address with three octets"] = ("ipv4-addr", o => o["value"] = "198.51.100", "/value"),
        ["ipv6 address that is not one"] = ("ipv6-addr", o => o["value"] = "2001:db8::g", "/value"),
        ["mac address in upper case"] = ("mac-addr", o => o["value"] = "D2:FB:49:24:37:18", "/value"),
        ["mac address with hyphens"] = ("mac-addr", o => o["value"] = "d2-fb-49-24-37-18", "/value"),
        ["payload_bin that is not base64"] = ("artifact", o => o["payload_bin"] = "not base64!", "/payload_bin"),
        ["custom _hex property that is not hex"] = ("campaign", o => o["x_digest_hex"] = "abc", "/x_digest_hex"),
        ["custom _bin property that is not base64"] = ("campaign", o => o["x_blob_bin"] = "*", "/x_blob_bin"),
        ["custom property holding null"] = ("campaign", o => o["x_foo"] = null, "/x_foo"),
        ["process pid as text"] = ("process", o => o["pid"] = "1221", "/pid"),
        ["user-account is_privileged as text"] = ("user-account", o => o["is_privileged"] = "no", "/is_privileged"),
        ["certificate is_self_signed as text"] = ("x509-certificate", o => o["is_self_signed"] = "no", "/is_self_signed"),
    };


    /// <summary>Breakages the OASIS schema cannot express or does not check, which the specification forbids.</summary>
    private static readonly Dictionary<string, (string Base, Action<JsonObject> Apply, string Pointer)> BeyondSchema = new(StringComparer.Ordinal)
    {
        ["domain resolving to a file"] = ("domain-name", o => o["resolves_to_refs"] = new JsonArray("file--364fe3e5-b1f4-5ba3-b951-ee5983b3538d"), "/resolves_to_refs/0"),
        ["email address owned by a file"] = ("email-addr", o => o["belongs_to_ref"] = "file--364fe3e5-b1f4-5ba3-b951-ee5983b3538d", "/belongs_to_ref"),
        ["email from an address that is not e-mail"] = ("email-message", o => o["from_ref"] = "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd", "/from_ref"),
        ["file hash value empty"] = ("file", o => o["hashes"] = new JsonObject { ["SHA-256"] = "" }, "/hashes/SHA-256"),
        ["file in a directory that is a file"] = ("file", o => o["parent_directory_ref"] = "file--364fe3e5-b1f4-5ba3-b951-ee5983b3538d", "/parent_directory_ref"),
        ["network traffic from a file"] = ("network-traffic", o => o["src_ref"] = "file--364fe3e5-b1f4-5ba3-b951-ee5983b3538d", "/src_ref"),
        ["process image that is a directory"] = ("process", o => o["image_ref"] = "directory--93c0a9b0-520d-545d-9094-1a08ddf46b05", "/image_ref"),
        ["registry key with -1 subkeys"] = ("windows-registry-key", o => o["number_of_subkeys"] = -1, "/number_of_subkeys"),
        ["modified before created"] = ("campaign", o => o["modified"] = "2016-04-06T20:02:59.999Z", "/modified"),
        ["valid_until equal to valid_from"] = ("indicator", o => o["valid_until"] = "2016-01-01T00:00:00Z", "/valid_until"),
        ["last_seen before first_seen"] = ("threat-actor", o => o["last_seen"] = "2014-12-31T23:59:59.999Z", "/last_seen"),
        ["sighting last_seen before first_seen"] = ("sighting", o => o["last_seen"] = "2015-12-21T18:59:59Z", "/last_seen"),
        ["last_observed before first_observed"] = ("observed-data", o => o["last_observed"] = "2015-12-21T18:00:00Z", "/last_observed"),
        ["stop_time before start_time"] = ("relationship", o => o["stop_time"] = "2016-04-06T20:06:36.999Z", "/stop_time"),
        ["created_by_ref to a malware"] = ("attack-pattern", o => o["created_by_ref"] = "malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061", "/created_by_ref"),
        ["object_marking_refs to an identity"] = ("attack-pattern", o => o["object_marking_refs"] = new JsonArray(ValidDomainObjects.Identity), "/object_marking_refs/0"),
        ["sighting of an observable"] = ("sighting", o => o["sighting_of_ref"] = "file--364fe3e5-b1f4-5ba3-b951-ee5983b3538d", "/sighting_of_ref"),
        ["two different TLP markings"] = ("attack-pattern", o => o["object_marking_refs"] = new JsonArray(ValidDomainObjects.Tlp2Amber, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"), "/object_marking_refs"),
    };

    public static TheoryData<string> MutationNames => new(Mutations.Keys);

    public static TheoryData<string> BeyondSchemaNames => new(BeyondSchema.Keys);

    /// <summary>Each (object, property) whose removal the schema refuses.</summary>
    public static TheoryData<string, string> SchemaRequiredDrops()
    {
        var data = new TheoryData<string, string>();
        foreach (var (label, obj) in Valid)
        {
            foreach (var property in obj.Select(p => p.Key))
            {
                if (!AcceptedOnPurpose.ContainsKey((label, property)) && SchemaRefuses(label, Without(obj, property)).GetAwaiter().GetResult())
                {
                    data.Add(label, property);
                }
            }
        }

        return data;
    }

    [Fact]
    public void The_mutations_cover_every_kind_of_object()
    {
        var bases = Mutations.Values.Select(m => (string)Valid[m.Base]["type"]!).ToHashSet(StringComparer.Ordinal);

        Assert.True(Mutations.Count >= 80);
        Assert.True(SchemaRequiredDrops().Count >= 100);
        Assert.Contains("indicator", bases);
        Assert.Contains("sighting", bases);
        Assert.Contains("file", bases);
        Assert.Contains("marking-definition", bases);
        Assert.Contains("extension-definition", bases);
    }

    [Theory]
    [MemberData(nameof(MutationNames))]
    public async Task A_mutation_the_schema_refuses_is_refused_with_its_pointer(string name)
    {
        var (baseLabel, apply, pointer) = Mutations[name];
        var broken = (JsonObject)Valid[baseLabel].DeepClone();
        apply(broken);

        var schemaErrors = await StixSchemas.Validate((string)Valid[baseLabel]["type"]!, broken.ToJsonString());
        var result = StixJson.Validate(broken);

        Assert.True(schemaErrors.Count > 0, $"the OASIS schema accepts: {broken.ToJsonString()}");
        Assert.False(result.IsValid, $"Concord accepts: {broken.ToJsonString()}");
        Assert.True(result.Errors.Any(e => e.Pointer == pointer), $"expected an error at {pointer}, got: {StixJson.Describe(result.Errors)}");
    }

    [Theory]
    [MemberData(nameof(BeyondSchemaNames))]
    public async Task A_breakage_the_schema_lets_through_is_still_refused_with_its_pointer(string name)
    {
        var (baseLabel, apply, pointer) = BeyondSchema[name];
        var broken = (JsonObject)Valid[baseLabel].DeepClone();
        apply(broken);

        var schemaErrors = await StixSchemas.Validate((string)Valid[baseLabel]["type"]!, broken.ToJsonString());
        var result = StixJson.Validate(broken);

        Assert.True(schemaErrors.Count == 0, $"the OASIS schema refuses it too, so it belongs with the mutations: {StixSchemas.Describe(schemaErrors)}");
        Assert.True(result.Errors.Any(e => e.Pointer == pointer), $"expected an error at {pointer}, got: {StixJson.Describe(result.Errors)}");
    }

    [Theory]
    [MemberData(nameof(SchemaRequiredDrops))]
    public async Task Dropping_a_property_the_schema_requires_is_refused_at_that_property(string label, string property)
    {
        var broken = Without(Valid[label], property);

        var result = StixJson.Validate(broken);

        Assert.True(await SchemaRefuses(label, broken));
        Assert.False(result.IsValid, $"Concord accepts {label} without {property}");
        Assert.True(result.Errors.Any(e => e.Pointer == "/" + property), $"expected an error at /{property}, got: {StixJson.Describe(result.Errors)}");
    }

    [Theory]
    [InlineData("marking-definition tlp 1.0 red", "name")]
    public async Task A_drop_the_schema_refuses_is_accepted_only_on_purpose(string label, string property)
    {
        var broken = Without(Valid[label], property);

        Assert.True(AcceptedOnPurpose.ContainsKey((label, property)));
        Assert.True(await SchemaRefuses(label, broken));
        Assert.True(StixJson.Validate(broken).IsValid);
    }

    private static JsonObject Without(JsonObject obj, string property)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy.Remove(property);
        return copy;
    }

    private static async Task<bool> SchemaRefuses(string label, JsonObject obj) =>
        (await StixSchemas.Validate((string)Valid[label]["type"]!, obj.ToJsonString())).Count > 0;
}
