using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Concord.Server.Tests.Node;
using Concord.Server.Tests.Stix;

namespace Concord.Server.Tests.Regressions;

/// <summary>
/// A list cursor was the store's sequence number in base64url: decoding two successive cursors told a reader how
/// many versions other parties had stored in between — volumes it may not read. Everything a reader learns must
/// follow from the one rule, so cursors are now opaque and of one size.
/// </summary>
public sealed class Issue_cursors_reveal_how_much_the_reader_cannot_read
{
    private static readonly string[] Readable =
    [
        "threat-actor--1b9a0c4e-5d1f-4f4e-9a57-0c7e1a2b3c01",
        "threat-actor--1b9a0c4e-5d1f-4f4e-9a57-0c7e1a2b3c02",
        "threat-actor--1b9a0c4e-5d1f-4f4e-9a57-0c7e1a2b3c03",
    ];

    [Fact]
    public async Task A_reader_gets_the_same_pages_and_cursors_of_the_same_shape_whatever_others_hold_and_cannot_decode_them()
    {
        var quiet = await PagesAsync(hiddenPerStep: 0);
        var busy = await PagesAsync(hiddenPerStep: 40);

        Assert.Equal(quiet.Select(p => p.Objects), busy.Select(p => p.Objects));
        Assert.Equal(quiet.Select(p => p.Next?.Length), busy.Select(p => p.Next?.Length));
        foreach (var cursor in quiet.Concat(busy).Select(p => p.Next).OfType<string>())
        {
            Assert.False(DecodesToANumber(cursor), $"cursor '{cursor}' decodes to a store sequence number");
        }
    }

    private static async Task<List<(string Objects, string? Next)>> PagesAsync(int hiddenPerStep)
    {
        var (node, parties) = await TestNode.StartWithPartiesAsync("us-fbi", "ru-fsb", "pk-isi");
        await using var _ = node;
        var (originator, reader, other) = (parties[0], parties[1], parties[2]);
        await node.AddChannelAsync("us-ru-wg", "us-fbi", "ru-fsb");
        foreach (var id in Readable)
        {
            await originator.ImportOkAsync(StixDraft.Bundle(new StixDraft { Type = "threat-actor", Id = id, Name = "Shared " + id[^2..], Channels = ["us-ru-wg"] }));
            if (hiddenPerStep > 0)
            {
                await other.ImportOkAsync(StixDraft.Bundle([.. Enumerable.Range(0, hiddenPerStep).Select(_ => StixDraft.ThreatActor("Hidden"))]));
            }
        }

        var pages = new List<(string, string?)>();
        var path = "/api/objects?limit=1";
        while (true)
        {
            var answer = await reader.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            var next = answer.Json["next"] is JsonValue v ? v.GetValue<string>() : null;
            pages.Add((answer.Json["objects"]!.ToJsonString(), next));
            if (next is null)
            {
                return pages;
            }

            path = "/api/objects?limit=1&cursor=" + Uri.EscapeDataString(next);
        }
    }

    private static bool DecodesToANumber(string cursor)
    {
        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
