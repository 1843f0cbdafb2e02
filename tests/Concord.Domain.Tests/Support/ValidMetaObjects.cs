using Concord.Domain.Stix;

namespace Concord.Domain.Tests.Support;

/// <summary>
/// Hand-written valid STIX 2.1 meta objects: marking definitions (statement, TLP 1.0 as the specification
/// writes it, an extension-based one), a language-content, a foreign extension-definition and Concord's own.
/// The TLP 2.0 marking definitions come from data/tlp2 (see <see cref="TestData.Tlp2Markings"/>).
/// </summary>
internal static class ValidMetaObjects
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["marking-definition statement"] = """
            {"type":"marking-definition","spec_version":"2.1","id":"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41db",
             "created":"2016-08-01T00:00:00.000Z","created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
             "name":"Copyright","definition_type":"statement","definition":{"statement":"Copyright 2019, Example Corp"}}
            """,
        ["marking-definition tlp 1.0 red"] = """
            {"type":"marking-definition","spec_version":"2.1","id":"marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed",
             "created":"2017-01-20T00:00:00.000Z","definition_type":"tlp","name":"TLP:RED","definition":{"tlp":"red"}}
            """,
        ["marking-definition extension"] = """
            {"type":"marking-definition","spec_version":"2.1","id":"marking-definition--a932fcc6-e032-476c-826f-cb970a5a1ade",
             "created":"2022-10-01T00:00:00.000Z","name":"PAP:GREEN",
             "extensions":{"extension-definition--f8d78575-edfd-406e-8e84-6162a8450f5b":{"extension_type":"property-extension","pap":"green"}}}
            """,
        ["language-content"] = """
            {"type":"language-content","spec_version":"2.1","id":"language-content--b86bd89f-98bb-4fa9-8cb2-9ad421da981d",
             "created":"2017-02-08T21:31:22.007Z","modified":"2017-02-08T21:31:22.007Z",
             "object_ref":"campaign--12a111f0-b824-4baf-a224-83b80237a094","object_modified":"2017-02-08T21:31:22.007Z",
             "contents":{"ru":{"name":"Атака на банки","description":"Группа атакует банки"},"fa":{"name":"حمله به بانک ها"}}}
            """,
        ["extension-definition"] = """
            {"type":"extension-definition","spec_version":"2.1","id":"extension-definition--9c59fd79-4215-4ba2-920d-3e4f320e1e62",
             "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
             "created":"2014-02-20T09:16:08.000Z","modified":"2014-02-20T09:16:08.000Z","name":"New SDO 1",
             "description":"This schema creates a new object type called my-favorite-sdo-1",
             "schema":"https://www.example.com/schema-my-favorite-sdo-1/v1/","version":"1.2.1","extension_types":["new-sdo"]}
            """,
        ["extension-definition concord"] = ConcordExtension.DefinitionJson,
    };
}
