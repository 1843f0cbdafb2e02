using System.Text;
using CsCheck;
using Concord.Domain.Stix;
using Concord.Domain.Tests.Support;

namespace Concord.Domain.Tests.Stix;

/// <summary>Feeding the parser in any chunks must give exactly what one-shot parsing gives.</summary>
public sealed class BundleParserChunkingTests
{
    private static readonly string[] Pool =
    [
        .. TestData.ExampleObjects().Take(12).Select(o => o.Object.ToJsonString()),
        """{"type":"x-script","id":"x-script--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","names":["Абу Бакр","أبو بكر","ابوبکر"],"objects":{"0":{"type":"file"}}}""",
        """{ "type" : "x-ws" , "id" : "x-ws--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061" , "deep" : [ [ [ { "objects" : [ ] } ] ] ] , "esc" : "a\"b\\c\u00e9" }""",
    ];

    private static readonly string[] NotObjects = ["1", "\"objects\"", "[1,{\"a\":[]}]", "null", "true", "-0.5e3"];

    private static readonly Gen<string> Space = Gen.OneOfConst("", " ", "\n", "\r\n\t", "  \n    ");

    private static readonly Gen<string> Item = Gen.Frequency((6, Gen.Int[0, Pool.Length - 1].Select(i => Pool[i])), (1, Gen.Int[0, NotObjects.Length - 1].Select(i => NotObjects[i])));

    private static readonly Gen<string> Items = Gen.Select(Item.List[0, 6], Space).Select((items, sp) => string.Join($"{sp},{sp}", items));

    private static readonly Gen<string> Property =
        Gen.OneOfConst("\"type\":\"bundle\"", "\"id\":\"bundle--44af6c39-c09b-49c5-9de2-394224b04982\"", "\"spec_version\":\"2.0\"", "\"x_note\":{\"objects\":[1,2],\"s\":\"ж\"}");

    /// <summary>Bundles with their properties in any order around "objects", bare arrays and single objects.</summary>
    private static readonly Gen<string> Document = Gen.OneOf(
        Gen.Select(Property.List[0, 4], Gen.Int[0, 4], Items, Space).Select((props, at, items, sp) =>
        {
            var parts = props.ToList();
            parts.Insert(Math.Min(at, parts.Count), $"\"objects\":{sp}[{sp}{items}{sp}]");
            return $"{sp}{{{sp}{string.Join($",{sp}", parts)}{sp}}}{sp}";
        }),
        Gen.Select(Items, Space).Select((items, sp) => $"{sp}[{sp}{items}{sp}]{sp}"),
        Gen.Int[0, Pool.Length - 1].Select(i => Pool[i]));

    /// <summary>Any document, sometimes cut short or with a stray character put in.</summary>
    private static readonly Gen<byte[]> Input = Gen.Select(Document, Gen.Int[0, 3], Gen.Double[0, 1]).Select((doc, damage, where) =>
    {
        var bytes = Encoding.UTF8.GetBytes(doc);
        var at = Math.Min((int)(where * bytes.Length), bytes.Length);
        return damage switch
        {
            0 => bytes[..at],
            1 => [.. bytes[..at], (byte)'}', .. bytes[at..]],
            _ => bytes,
        };
    });

    private static readonly Gen<int[]> Chunks = Gen.Frequency((3, Gen.Int[1, 8]), (2, Gen.Int[1, 200]), (1, Gen.Int[1000, 70_000])).Array[1, 12];

    [Fact]
    public void Any_chunking_yields_exactly_the_entries_of_one_shot_parsing()
    {
        Gen.Select(Input, Chunks).Sample((input, chunks) =>
        {
            var whole = BundleParser.ParseAll(input).Select(ParserFeed.Describe).ToList();
            var chunked = ParserFeed.Chunked(input, chunks).Select(ParserFeed.Describe).ToList();

            Assert.Equal(whole, chunked);
        }, iter: 3000);
    }

    [Fact]
    public void A_parser_that_lends_its_buffer_yields_the_same_entries_read_as_they_come()
    {
        Gen.Select(Input, Chunks).Sample((input, chunks) =>
        {
            var whole = BundleParser.ParseAll(input).Select(ParserFeed.Describe).ToList();

            Assert.Equal(whole, ParserFeed.ChunkedLent(input, chunks));
        }, iter: 3000);
    }

    [Fact]
    public void A_lent_entry_is_a_view_of_the_parsers_buffer_not_a_copy()
    {
        var input = Encoding.UTF8.GetBytes($"[{Pool[^2]},{Pool[^1]}]");
        var parser = new BundleParser { LendEntryBytes = true };
        input.CopyTo(parser.GetFillBuffer(input.Length).Span);
        parser.Advance(input.Length);

        Assert.Equal(BundleParser.Step.Entry, parser.Next(out var first));
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(first!.Json, out var lent));
        Assert.True(lent.Array!.Length >= input.Length && lent.Offset > 0);
        Assert.Equal(Pool[^2], Encoding.UTF8.GetString(first.Json.Span));
    }

    [Fact]
    public void Byte_by_byte_feeding_of_every_example_yields_the_one_shot_entries()
    {
        foreach (var file in TestData.ExampleFiles)
        {
            var input = TestData.ReadExample(file);

            Assert.Equal(BundleParser.ParseAll(input).Select(ParserFeed.Describe), ParserFeed.Chunked(input, [1]).Select(ParserFeed.Describe));
        }
    }

    [Fact]
    public void Every_chunked_document_ends_in_objects_errors_or_one_final_fatal_entry()
    {
        Gen.Select(Input, Chunks).Sample((input, chunks) =>
        {
            var entries = ParserFeed.Chunked(input, chunks);

            Assert.True(entries.Count(e => e.Fatal) <= 1);
            Assert.True(entries.Count == 0 || !entries.SkipLast(1).Any(e => e.Fatal));
            Assert.All(entries.Where(e => e.Error is null), e => Assert.False(e.Json.IsEmpty));
        }, iter: 500);
    }
}
