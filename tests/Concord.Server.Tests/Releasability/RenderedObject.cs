using System.Text.Json.Nodes;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Server.Tests.Stix;

namespace Concord.Server.Tests.Releasability;

/// <summary>Checks an object as the API returned it to one reader against the version it should be.</summary>
internal static class RenderedObject
{
    /// <summary>
    /// The object is the sent one (Concord's extension aside), and its Concord extension shows the originator,
    /// exactly the part of the release this reader may know of — never a channel it is not in, nor another
    /// recipient party unless it is the originator — and the TLP, caveats and grading.
    /// </summary>
    public static void AssertIs(JsonObject actual, StixDraft draft, Distribution distribution, Reader reader, string context)
    {
        var sent = draft.ToJson();
        sent.Remove("extensions");
        var got = actual.DeepClone().AsObject();
        got.Remove("extensions");
        Assert.True(JsonNode.DeepEquals(sent, got), $"{context}: expected {sent.ToJsonString()} but got {got.ToJsonString()}");

        var extensions = actual["extensions"]!.AsObject();
        Assert.True(extensions.Count == 1, $"{context}: extensions {extensions.ToJsonString()}");
        var concord = extensions[ConcordExtension.Id]!.AsObject();
        Assert.Equal("property-extension", concord["extension_type"]!.GetValue<string>());
        Assert.Equal(distribution.Originator.Value, concord["originator"]!.GetValue<string>());

        var channels = Strings(concord["release"]!["channels"]);
        var parties = Strings(concord["release"]!["parties"]);
        if (reader.Party != distribution.Originator)
        {
            Assert.True(channels.All(c => reader.Channels.Contains(ChannelId.Parse(c))), $"{context}: {reader} sees channels it is not in: {concord.ToJsonString()}");
            Assert.True(parties.All(p => p == reader.Party.Value), $"{context}: {reader} sees other recipients: {concord.ToJsonString()}");
        }

        var visible = ReleasabilityRule.VisibleRelease(reader, distribution.Originator, distribution.Release);
        Assert.Equal(visible.Channels.Select(c => c.Value).Order(StringComparer.Ordinal), channels);
        Assert.Equal(visible.Parties.Select(p => p.Value).Order(StringComparer.Ordinal), parties);

        Assert.Equal(distribution.Tlp is { } tlp ? Tlp.TokenOf(tlp) : null, concord["tlp"]?.GetValue<string>());
        Assert.Equal(distribution.Handling.Codes(), Strings(concord["caveats"]));
        Assert.Equal(distribution.Handling.Purpose, concord["purpose"]?.GetValue<string>());
        Assert.Equal(draft.Grading, concord["grading"]?.GetValue<string>());
    }

    private static List<string> Strings(JsonNode? array) => array is null ? [] : array.AsArray().Select(n => n!.GetValue<string>()).ToList();
}
