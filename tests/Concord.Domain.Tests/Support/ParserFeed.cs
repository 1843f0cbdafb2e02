using Concord.Domain.Stix;

namespace Concord.Domain.Tests.Support;

/// <summary>Feeds a <see cref="BundleParser"/> through its fill-buffer API in chunks of given sizes.</summary>
internal static class ParserFeed
{
    /// <summary>Parses <paramref name="input"/> fed in chunks whose sizes cycle through <paramref name="chunks"/>.</summary>
    public static List<BundleEntry> Chunked(byte[] input, IReadOnlyList<int> chunks) => Chunked(input, chunks, new BundleParser(), e => e);

    /// <summary>
    /// Parses as <see cref="Chunked(byte[], IReadOnlyList{int})"/> with a parser that lends its buffer, each entry
    /// described the moment it comes out (before the next call may overwrite it).
    /// </summary>
    public static List<string> ChunkedLent(byte[] input, IReadOnlyList<int> chunks) =>
        Chunked(input, chunks, new BundleParser { LendEntryBytes = true }, Describe);

    private static List<T> Chunked<T>(byte[] input, IReadOnlyList<int> chunks, BundleParser parser, Func<BundleEntry, T> take)
    {
        var entries = new List<T>();
        var offset = 0;
        var next = 0;
        for (var guard = 0; guard < 1_000_000; guard++)
        {
            switch (parser.Next(out var entry))
            {
                case BundleParser.Step.Entry:
                    entries.Add(take(entry!));
                    break;
                case BundleParser.Step.End:
                    return entries;
                default:
                    var size = chunks[next++ % chunks.Count];
                    var fill = parser.GetFillBuffer(size);
                    var n = Math.Min(size, input.Length - offset);
                    Assert.True(fill.Length >= n);
                    input.AsSpan(offset, n).CopyTo(fill.Span);
                    offset += n;
                    parser.Advance(n);
                    break;
            }
        }

        throw new InvalidOperationException("the parser never finished");
    }

    /// <summary>An entry as comparable text: position, pointer, JSON, error and fatality.</summary>
    public static string Describe(BundleEntry e) =>
        $"{e.Index}|{e.Pointer}|{System.Text.Encoding.UTF8.GetString(e.Json.Span)}|{e.Error}|{e.Fatal}";
}
