using System.Text.Json.Nodes;

namespace Concord.Domain.Tests.Support;

/// <summary>The files under data/ (copied next to the test assembly) and the objects they hold.</summary>
internal static class TestData
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "data");

    public static string ExamplesRoot => Path.Combine(Root, "oasis-examples");

    /// <summary>The STIX 2.1 example files, as paths relative to <see cref="ExamplesRoot"/> (the known quirk excluded).</summary>
    public static IReadOnlyList<string> ExampleFiles { get; } =
        System.IO.Directory.GetFiles(ExamplesRoot, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(ExamplesRoot, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("quirks/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static byte[] ReadExample(string relative) => File.ReadAllBytes(Path.Combine(ExamplesRoot, relative));

    /// <summary>The top-level objects of a bundle, of an array of objects, or the single object a file holds.</summary>
    public static IReadOnlyList<JsonObject> ObjectsOf(byte[] json) =>
        JsonNode.Parse(json) switch
        {
            JsonObject o when o["objects"] is JsonArray a => a.Select(x => (JsonObject)x!).ToArray(),
            JsonObject o => [o],
            JsonArray a => a.Select(x => (JsonObject)x!).ToArray(),
            _ => throw new InvalidDataException("not a STIX document"),
        };

    /// <summary>Every object of every included example, with a label naming its file and position.</summary>
    public static IEnumerable<(string Label, JsonObject Object)> ExampleObjects() =>
        ExampleFiles.SelectMany(f => ObjectsOf(ReadExample(f)).Select((o, i) => ($"{f}#{i} {o["type"]}", o)));

    /// <summary>The TLP 2.0 marking definitions of OASIS (data/tlp2/tlp-*.json).</summary>
    public static IEnumerable<(string Label, JsonObject Object)> Tlp2Markings() =>
        System.IO.Directory.GetFiles(Path.Combine(Root, "tlp2"), "tlp-*.json")
            .Where(f => !f.EndsWith("tlp-ids.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => ObjectsOf(File.ReadAllBytes(f)).Select(o => ($"tlp2/{Path.GetFileName(f)}", o)));

    /// <summary>All hand-written valid objects plus the TLP 2.0 markings, labelled.</summary>
    public static IEnumerable<(string Label, JsonObject Object)> HandWrittenObjects() =>
        ValidDomainObjects.All.Concat(ValidObservableObjects.All).Concat(ValidMetaObjects.All)
            .Select(kv => (kv.Key, (JsonObject)JsonNode.Parse(kv.Value)!))
            .Concat(Tlp2Markings());
}
