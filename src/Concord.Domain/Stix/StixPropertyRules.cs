using System.Collections.Frozen;

namespace Concord.Domain.Stix;

/// <summary>
/// The STIX 2.1 property tables the validator checks against: what each type requires, and the value type of
/// each property name the specification defines. Properties not listed here are kept unchecked, as the spec
/// allows custom properties.
/// </summary>
internal static class StixPropertyRules
{
    private static readonly string[] Sdo = ["type", "spec_version", "id", "created", "modified"];

    public static readonly FrozenDictionary<string, string[]> Required = new Dictionary<string, string[]>
    {
        ["attack-pattern"] = [.. Sdo, "name"],
        ["campaign"] = [.. Sdo, "name"],
        ["course-of-action"] = [.. Sdo, "name"],
        ["grouping"] = [.. Sdo, "context", "object_refs"],
        ["identity"] = [.. Sdo, "name"],
        ["incident"] = [.. Sdo, "name"],
        ["indicator"] = [.. Sdo, "pattern", "pattern_type", "valid_from"],
        ["infrastructure"] = [.. Sdo, "name"],
        ["intrusion-set"] = [.. Sdo, "name"],
        ["location"] = Sdo,
        ["malware"] = [.. Sdo, "is_family"],
        ["malware-analysis"] = [.. Sdo, "product"],
        ["note"] = [.. Sdo, "content", "object_refs"],
        ["observed-data"] = [.. Sdo, "first_observed", "last_observed", "number_observed"],
        ["opinion"] = [.. Sdo, "opinion", "object_refs"],
        ["report"] = [.. Sdo, "name", "published", "object_refs"],
        ["threat-actor"] = [.. Sdo, "name"],
        ["tool"] = [.. Sdo, "name"],
        ["vulnerability"] = [.. Sdo, "name"],
        ["relationship"] = [.. Sdo, "relationship_type", "source_ref", "target_ref"],
        ["sighting"] = [.. Sdo, "sighting_of_ref"],
        ["marking-definition"] = ["type", "spec_version", "id", "created"],
        ["language-content"] = [.. Sdo, "object_ref", "contents"],
        ["extension-definition"] = [.. Sdo, "created_by_ref", "name", "schema", "version", "extension_types"],
        ["artifact"] = ["type", "id"],
        ["autonomous-system"] = ["type", "id", "number"],
        ["directory"] = ["type", "id", "path"],
        ["domain-name"] = ["type", "id", "value"],
        ["email-addr"] = ["type", "id", "value"],
        ["email-message"] = ["type", "id", "is_multipart"],
        ["file"] = ["type", "id"],
        ["ipv4-addr"] = ["type", "id", "value"],
        ["ipv6-addr"] = ["type", "id", "value"],
        ["mac-addr"] = ["type", "id", "value"],
        ["mutex"] = ["type", "id", "name"],
        ["network-traffic"] = ["type", "id", "protocols"],
        ["process"] = ["type", "id"],
        ["software"] = ["type", "id", "name"],
        ["url"] = ["type", "id", "value"],
        ["user-account"] = ["type", "id"],
        ["windows-registry-key"] = ["type", "id"],
        ["x509-certificate"] = ["type", "id"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Common properties of a custom (unknown) object type: it must at least be versioned like an SDO.</summary>
    public static readonly string[] CustomRequired = Sdo;

    public static readonly FrozenSet<string> Timestamps = FrozenSet.Create(StringComparer.Ordinal,
        "created", "modified", "valid_from", "valid_until", "first_seen", "last_seen", "published",
        "first_observed", "last_observed", "start_time", "stop_time", "analysis_started", "analysis_ended",
        "submitted", "ctime", "mtime", "atime", "date", "created_time", "account_created", "account_expires",
        "credential_last_changed", "account_first_login", "account_last_login", "validity_not_before",
        "validity_not_after", "modified_time", "start", "end");

    public static readonly FrozenSet<string> Booleans = FrozenSet.Create(StringComparer.Ordinal,
        "revoked", "is_family", "is_multipart", "is_active", "is_hidden", "is_service_account", "is_privileged",
        "can_escalate_privs", "is_disabled", "is_self_signed", "defanged");

    public static readonly FrozenDictionary<string, (long Min, long Max)> Integers = new Dictionary<string, (long, long)>
    {
        ["confidence"] = (0, 100),
        ["number_observed"] = (1, 999_999_999),
        ["count"] = (0, 999_999_999),
        ["number"] = (0, uint.MaxValue),
        ["size"] = (0, long.MaxValue),
        ["pid"] = (long.MinValue, long.MaxValue),
        ["src_port"] = (0, 65535),
        ["dst_port"] = (0, 65535),
        ["src_byte_count"] = (0, long.MaxValue),
        ["dst_byte_count"] = (0, long.MaxValue),
        ["src_packets"] = (0, long.MaxValue),
        ["dst_packets"] = (0, long.MaxValue),
        ["number_of_subkeys"] = (0, long.MaxValue),
        ["precision_m"] = (0, long.MaxValue),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenSet<string> Strings = FrozenSet.Create(StringComparer.Ordinal,
        "name", "description", "pattern", "pattern_type", "pattern_version", "relationship_type", "context",
        "identity_class", "contact_information", "region", "country", "administrative_area", "city",
        "street_address", "postal_code", "abstract", "content", "explanation", "opinion", "lang", "objective",
        "primary_motivation", "resource_level", "sophistication", "value", "path", "product", "version",
        "schema", "definition_type", "result", "result_name", "display_name", "mime_type", "url",
        "encryption_algorithm", "decryption_key", "subject", "body", "message_id", "cpe", "swid", "vendor",
        "user_id", "credential", "account_login", "account_type", "key", "serial_number",
        "signature_algorithm", "issuer", "subject_public_key_algorithm", "subject_public_key_modulus",
        "command_line", "cwd", "rir", "payload_bin", "name_enc", "magic_number_hex", "path_enc");

    public static readonly FrozenSet<string> StringLists = FrozenSet.Create(StringComparer.Ordinal,
        "aliases", "labels", "roles", "goals", "sectors", "secondary_motivations", "personal_motivations",
        "threat_actor_types", "indicator_types", "infrastructure_types", "malware_types", "tool_types",
        "report_types", "implementation_languages", "architecture_execution_envs", "capabilities",
        "protocols", "authors", "extension_types", "extension_properties", "languages");

    /// <summary>
    /// Allowed target types of reference properties (<c>*_ref</c> / <c>*_refs</c>). A null set means any type;
    /// the pseudo types "sdo", "sco" and "sdo-or-sco" stand for categories.
    /// </summary>
    public static readonly FrozenDictionary<string, string[]> RefTargets = new Dictionary<string, string[]>
    {
        ["created_by_ref"] = ["identity"],
        ["object_marking_refs"] = ["marking-definition"],
        ["marking_ref"] = ["marking-definition"],
        ["sighting_of_ref"] = ["sdo"],
        ["observed_data_refs"] = ["observed-data"],
        ["where_sighted_refs"] = ["identity", "location"],
        ["source_ref"] = ["sdo-or-sco"],
        ["target_ref"] = ["sdo-or-sco"],
        ["sample_refs"] = ["file", "artifact"],
        ["operating_system_refs"] = ["software"],
        ["host_vm_ref"] = ["software"],
        ["operating_system_ref"] = ["software"],
        ["installed_software_refs"] = ["software"],
        ["analysis_sco_refs"] = ["sco"],
        ["sample_ref"] = ["file", "artifact", "network-traffic"],
        ["resolves_to_refs"] = ["mac-addr", "ipv4-addr", "ipv6-addr", "domain-name"],
        ["belongs_to_refs"] = ["autonomous-system"],
        ["belongs_to_ref"] = ["user-account"],
        ["contains_refs"] = ["sco"],
        ["content_ref"] = ["artifact"],
        ["parent_directory_ref"] = ["directory"],
        ["src_ref"] = ["ipv4-addr", "ipv6-addr", "mac-addr", "domain-name"],
        ["dst_ref"] = ["ipv4-addr", "ipv6-addr", "mac-addr", "domain-name"],
        ["from_ref"] = ["email-addr"],
        ["sender_ref"] = ["email-addr"],
        ["to_refs"] = ["email-addr"],
        ["cc_refs"] = ["email-addr"],
        ["bcc_refs"] = ["email-addr"],
        ["raw_email_ref"] = ["artifact"],
        ["body_raw_ref"] = ["artifact", "file"],
        ["creator_user_ref"] = ["user-account"],
        ["image_ref"] = ["file"],
        ["parent_ref"] = ["process"],
        ["child_refs"] = ["process"],
        ["opened_connection_refs"] = ["network-traffic"],
        ["src_payload_ref"] = ["artifact"],
        ["dst_payload_ref"] = ["artifact"],
        ["encapsulates_refs"] = ["network-traffic"],
        ["encapsulated_by_ref"] = ["network-traffic"],
        ["user_ref"] = ["user-account"],
        ["object_ref"] = ["sdo-or-sco", "relationship", "sighting", "marking-definition", "extension-definition"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenSet<string> ExtensionTypes = FrozenSet.Create(StringComparer.Ordinal,
        "new-sdo", "new-sco", "new-sro", "property-extension", "toplevel-property-extension");

    public static readonly FrozenSet<string> OpinionValues = FrozenSet.Create(StringComparer.Ordinal,
        "strongly-disagree", "disagree", "neutral", "agree", "strongly-agree");

    /// <summary>Properties whose text is searched: names, aliases, descriptions and observable values.</summary>
    public static readonly FrozenSet<string> Searchable = FrozenSet.Create(StringComparer.Ordinal,
        "name", "aliases", "description", "value", "abstract", "content", "labels", "x_mitre_aliases");
}
