namespace Concord.Domain.Tests.Support;

/// <summary>Hand-written valid STIX 2.1 cyber-observable objects, one for each of the 18 SCO types.</summary>
internal static class ValidObservableObjects
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["artifact"] = """
            {"type":"artifact","spec_version":"2.1","id":"artifact--6f437177-6e48-5cf8-9d9e-872a2bddd641",
             "mime_type":"application/zip","payload_bin":"ZX7HIBWPIs4=","encryption_algorithm":"mime-type-indicated","decryption_key":"My voice is my passport"}
            """,
        ["autonomous-system"] = """
            {"type":"autonomous-system","spec_version":"2.1","id":"autonomous-system--f720c34b-98ae-597f-ade5-27dc241e8c74",
             "number":15139,"name":"Slime Industries","rir":"ARIN"}
            """,
        ["directory"] = """
            {"type":"directory","spec_version":"2.1","id":"directory--93c0a9b0-520d-545d-9094-1a08ddf46b05",
             "path":"C:\\Windows\\System32","ctime":"2016-12-21T19:00:00Z"}
            """,
        ["domain-name"] = """
            {"type":"domain-name","spec_version":"2.1","id":"domain-name--3c10e93f-798e-5a26-a0c1-08156efab7f5",
             "value":"example.com","resolves_to_refs":["ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd"]}
            """,
        ["email-addr"] = """
            {"type":"email-addr","spec_version":"2.1","id":"email-addr--2d77a846-6264-5d51-b586-e43822ea1ea3",
             "value":"john@example.com","display_name":"John Doe","belongs_to_ref":"user-account--0d5b424b-93b8-5cd8-ac36-306e1789d63c"}
            """,
        ["email-message"] = """
            {"type":"email-message","spec_version":"2.1","id":"email-message--72b7698f-10c2-565a-a2a6-b4996a2f2265",
             "is_multipart":false,"date":"1997-11-21T15:55:06.000Z","content_type":"text/plain",
             "from_ref":"email-addr--2d77a846-6264-5d51-b586-e43822ea1ea3","to_refs":["email-addr--2d77a846-6264-5d51-b586-e43822ea1ea3"],
             "subject":"Saying Hello","body":"Hello there."}
            """,
        ["file"] = """
            {"type":"file","spec_version":"2.1","id":"file--364fe3e5-b1f4-5ba3-b951-ee5983b3538d",
             "hashes":{"SHA-256":"ceafbfd424be2ca4a5f0402cae090dda2fb0526cf521b60b60077c0f622b285a"},"size":25536,"name":"foo.dll",
             "parent_directory_ref":"directory--93c0a9b0-520d-545d-9094-1a08ddf46b05"}
            """,
        ["ipv4-addr"] = """
            {"type":"ipv4-addr","spec_version":"2.1","id":"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd","value":"198.51.100.3"}
            """,
        ["ipv6-addr"] = """
            {"type":"ipv6-addr","spec_version":"2.1","id":"ipv6-addr--1e61d36c-a16c-53b7-a80f-2a00161c96b1","value":"2001:0db8:85a3:0000:0000:8a2e:0370:7334"}
            """,
        ["mac-addr"] = """
            {"type":"mac-addr","spec_version":"2.1","id":"mac-addr--65cfcf98-8a6e-5a1b-8f61-379ac4f92d00","value":"d2:fb:49:24:37:18"}
            """,
        ["mutex"] = """
            {"type":"mutex","spec_version":"2.1","id":"mutex--eba44954-d4e4-5d3b-814c-2b17dd8de300","name":"__CLEANSWEEP__"}
            """,
        ["network-traffic"] = """
            {"type":"network-traffic","spec_version":"2.1","id":"network-traffic--2568d22a-8998-58eb-99ec-3c8ca74f527d",
             "src_ref":"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd","dst_ref":"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd",
             "src_port":223,"dst_port":80,"protocols":["ipv4","tcp","http"],"start":"2016-04-06T20:03:48.000Z","is_active":true}
            """,
        ["process"] = """
            {"type":"process","spec_version":"2.1","id":"process--f52a906a-0dfc-40bd-92f1-e7778ead38a9",
             "pid":1221,"created_time":"2016-01-20T14:11:25.550Z","command_line":"./gedit-bin --new-window",
             "image_ref":"file--364fe3e5-b1f4-5ba3-b951-ee5983b3538d"}
            """,
        ["software"] = """
            {"type":"software","spec_version":"2.1","id":"software--7b8c9f5e-2a2a-5b0e-8d9f-8d0e4c2a1b3c",
             "name":"Word","cpe":"cpe:2.3:a:microsoft:word:2000:*:*:*:*:*:*:*","version":"2002","vendor":"Microsoft"}
            """,
        ["url"] = """
            {"type":"url","spec_version":"2.1","id":"url--c1477287-23ac-5971-a010-5c287877fa60","value":"https://example.com/research/index.html"}
            """,
        ["user-account"] = """
            {"type":"user-account","spec_version":"2.1","id":"user-account--0d5b424b-93b8-5cd8-ac36-306e1789d63c",
             "user_id":"1001","account_login":"jdoe","account_type":"unix","display_name":"John Doe","is_service_account":false,
             "is_privileged":false,"can_escalate_privs":true,"account_created":"2016-01-20T12:31:12Z",
             "credential_last_changed":"2016-01-20T14:27:43Z","account_first_login":"2016-01-20T14:26:07Z"}
            """,
        ["windows-registry-key"] = """
            {"type":"windows-registry-key","spec_version":"2.1","id":"windows-registry-key--2ba37ae7-2745-5082-9dfd-9486dad41016",
             "key":"hkey_local_machine\\system\\bar\\foo","values":[{"name":"Foo","data":"qwerty","data_type":"REG_SZ"}],
             "number_of_subkeys":2}
            """,
        ["x509-certificate"] = """
            {"type":"x509-certificate","spec_version":"2.1","id":"x509-certificate--463d7b2a-8516-5a50-a3d7-6f801465d5de",
             "issuer":"C=ZA, ST=Western Cape, L=Cape Town, O=Thawte Consulting cc, OU=Certification Services Division, CN=Thawte Server CA",
             "validity_not_before":"2016-03-12T12:00:00Z","validity_not_after":"2016-08-21T12:00:00Z",
             "subject":"C=US, ST=Maryland, L=Pasadena, O=Brent Baccala, OU=FreeSoft, CN=www.freesoft.org/emailAddress=baccala@freesoft.org",
             "serial_number":"36:f7:d4:32:f4:ab:70:ea:d3:ce:98:6e:ea:99:93:49:32:0a:b7:06","is_self_signed":false}
            """,
    };
}
