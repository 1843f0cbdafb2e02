using System.Text;
using System.Text.Json.Nodes;
using Concord.Domain.Stix;
using Concord.Domain.Tests.Support;

namespace Concord.Domain.Tests.Stix;

public sealed class BundleParserTests
{
    private const string A = """{"type":"x-a","id":"x-a--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","name":"Атака"}""";
    private const string B = """{"type":"x-b","id":"x-b--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061","nested":{"objects":[1,{"type":"bundle"}]}}""";
    private const string C = """{"type":"x-c","id":"x-c--b01efc25-77b4-4003-b18b-f6e24b5cd9f7","list":[[],{}]}""";
    private const string BundleId = "bundle--44af6c39-c09b-49c5-9de2-394224b04982";

    [Fact]
    public void A_bundle_with_type_and_id_first_gives_each_object_with_its_position()
    {
        var entries = BundleParser.ParseAll($$"""{"type":"bundle","id":"{{BundleId}}","objects":[{{A}},{{B}},{{C}}]}""");

        AssertObjects(entries, "/objects/", A, B, C);
    }

    [Fact]
    public void A_bundle_with_objects_before_type_and_id_gives_the_same_objects()
    {
        var entries = BundleParser.ParseAll($$"""{"objects":[{{A}},{{B}},{{C}}],"x_note":{"k":[1,2]},"id":"{{BundleId}}","type":"bundle"}""");

        AssertObjects(entries, "/objects/", A, B, C);
    }

    [Fact]
    public void A_bare_array_gives_each_object_with_an_array_pointer()
    {
        var entries = BundleParser.ParseAll($"[{A},\n{B}\n,{C}]");

        AssertObjects(entries, "/", A, B, C);
    }

    [Fact]
    public void A_single_object_is_one_entry_at_the_root()
    {
        var entry = Assert.Single(BundleParser.ParseAll(B));

        Assert.Equal(0, entry.Index);
        Assert.Equal(string.Empty, entry.Pointer);
        Assert.Null(entry.Error);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(B), JsonNode.Parse(entry.Json.Span)));
    }

    [Fact]
    public void An_empty_bundle_gives_no_entries()
    {
        Assert.Empty(BundleParser.ParseAll($$"""{"type":"bundle","id":"{{BundleId}}","objects":[]}"""));
        Assert.Empty(BundleParser.ParseAll($$"""{"type":"bundle","id":"{{BundleId}}"}"""));
        Assert.Empty(BundleParser.ParseAll("[]"));
    }

    [Fact]
    public void Malformed_json_gives_one_fatal_entry_with_its_line_number()
    {
        var input = $$"""
            {
              "type": "bundle",
              "id": "{{BundleId}}",
              "objects": [
                {{A}},
                {"type": "x-b",, "id": 1}
              ]
            }
            """;

        var entries = BundleParser.ParseAll(input);

        Assert.Equal(2, entries.Count);
        Assert.Null(entries[0].Error);
        var fatal = entries[1];
        Assert.True(fatal.Fatal);
        Assert.Equal("/objects/1", fatal.Pointer);
        Assert.Contains("line 6", fatal.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_object_item_is_an_error_and_the_items_after_it_still_come_out()
    {
        var entries = BundleParser.ParseAll($$"""{"type":"bundle","id":"{{BundleId}}","objects":[{{A}},"indicator",[1,{"a":2}],null,{{B}},7]}""");

        Assert.Equal(6, entries.Count);
        Assert.Equal([0, 1, 2, 3, 4, 5], entries.Select(e => e.Index));
        Assert.Null(entries[0].Error);
        Assert.All(new[] { entries[1], entries[2], entries[3], entries[5] }, e =>
        {
            Assert.NotNull(e.Error);
            Assert.False(e.Fatal);
            Assert.Equal(e.Pointer, e.Error!.Pointer);
            Assert.True(e.Json.IsEmpty);
        });
        Assert.Equal("/objects/2", entries[2].Pointer);
        Assert.Null(entries[4].Error);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(B), JsonNode.Parse(entries[4].Json.Span)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void Empty_input_gives_one_fatal_entry(string input)
    {
        var entry = Assert.Single(BundleParser.ParseAll(input));

        Assert.True(entry.Fatal);
        Assert.Equal(string.Empty, entry.Pointer);
        Assert.Contains("empty", entry.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_input_gives_the_complete_objects_then_one_fatal_entry()
    {
        var whole = $$"""{"type":"bundle","id":"{{BundleId}}","objects":[{{A}},{{B}},{{C}}]}""";
        var cut = whole[..(whole.IndexOf(C, StringComparison.Ordinal) + 20)];

        var entries = BundleParser.ParseAll(cut);

        Assert.Equal(3, entries.Count);
        Assert.Null(entries[0].Error);
        Assert.Null(entries[1].Error);
        Assert.True(entries[2].Fatal);
    }

    [Theory]
    [InlineData("\"bundle\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void A_document_that_is_neither_object_nor_array_is_fatal(string input)
    {
        var entry = Assert.Single(BundleParser.ParseAll(input));

        Assert.True(entry.Fatal);
    }

    [Fact]
    public void A_bundle_with_the_wrong_type_is_reported_at_type()
    {
        var entries = BundleParser.ParseAll($$"""{"type":"bundel","id":"{{BundleId}}","objects":[{{A}}]}""");

        Assert.Null(entries[0].Error);
        Assert.Equal("/type", Assert.Single(entries, e => e.Error is not null).Error!.Pointer);
    }

    [Theory]
    [InlineData("""{"type":"bundle","objects":[]}""")]
    [InlineData("""{"type":"bundle","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","objects":[]}""")]
    [InlineData("""{"type":"bundle","id":42,"objects":[]}""")]
    public void A_bundle_without_a_bundle_id_is_reported_at_id(string input)
    {
        var entry = Assert.Single(BundleParser.ParseAll(input));

        Assert.Equal("/id", entry.Error!.Pointer);
        Assert.False(entry.Fatal);
    }

    [Theory]
    [InlineData("[] []")]
    [InlineData("""{"type":"bundle","id":"bundle--44af6c39-c09b-49c5-9de2-394224b04982","objects":[]} x""")]
    public void Anything_but_whitespace_after_the_document_is_fatal(string input)
    {
        var entry = Assert.Single(BundleParser.ParseAll(input));

        Assert.True(entry.Fatal);
    }

    [Fact]
    public void After_a_fatal_entry_the_parser_only_ends()
    {
        var parser = new BundleParser();
        var fill = parser.GetFillBuffer(8);
        Encoding.UTF8.GetBytes("[{]", fill.Span);
        parser.Advance(3);
        parser.Advance(0);

        Assert.Equal(BundleParser.Step.Entry, parser.Next(out var fatal));
        Assert.True(fatal!.Fatal);
        Assert.Equal(BundleParser.Step.End, parser.Next(out var none));
        Assert.Null(none);
    }

    [Fact]
    public void An_object_larger_than_the_first_buffer_comes_out_whole()
    {
        var big = new JsonObject { ["type"] = "x-big", ["id"] = "x-big--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", ["text"] = new string('ж', 100_000) }.ToJsonString();

        var entries = ParserFeed.Chunked(Encoding.UTF8.GetBytes($"[{A},{big},{C}]"), [4096]);

        Assert.Equal(3, entries.Count);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(big), JsonNode.Parse(entries[1].Json.Span)));
    }

    private static void AssertObjects(IReadOnlyList<BundleEntry> entries, string prefix, params string[] objects)
    {
        Assert.Equal(objects.Length, entries.Count);
        for (var i = 0; i < objects.Length; i++)
        {
            Assert.Null(entries[i].Error);
            Assert.Equal(i, entries[i].Index);
            Assert.Equal(prefix + i, entries[i].Pointer);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(objects[i]), JsonNode.Parse(entries[i].Json.Span)), $"object {i}");
        }
    }
}
