using System.Text;
using System.Text.Json;

namespace Concord.Domain.Stix;

/// <summary>
/// An incremental reader of STIX input: a bundle (<c>{"type":"bundle","objects":[…]}</c>), a JSON array of
/// objects, or a single object. Bytes are fed in chunks and objects come out one at a time, so memory stays
/// flat whatever the size of the input: only the object being read is held. Pure computation, no I/O.
/// </summary>
public sealed class BundleParser
{
    private const int MaxObjectBytes = 64 * 1024 * 1024;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _final;
    private JsonReaderState _state = new(new JsonReaderOptions { MaxDepth = 64 });
    private Mode _mode = Mode.Root;
    private int _index;
    private string? _rootType;
    private string? _rootId;
    private bool _sawObjects;
    private bool _done;

    private enum Mode
    {
        Root,
        RootObject,
        Objects,
        RootArray,
        Finished,
    }

    /// <summary>The outcome of a call to <see cref="Next"/>.</summary>
    public enum Step
    {
        /// <summary>An entry was produced.</summary>
        Entry,

        /// <summary>More bytes are needed: fill, then call again.</summary>
        NeedMoreData,

        /// <summary>The input is finished.</summary>
        End,
    }

    /// <summary>
    /// When set, an entry's <see cref="BundleEntry.Json"/> is a view of the parser's own buffer instead of a copy: valid
    /// only until the next call to <see cref="Next"/> or <see cref="GetFillBuffer"/>. For a caller that is done with
    /// each entry before asking for the next (the importer validates it, and keeps the validated copy).
    /// </summary>
    public bool LendEntryBytes { get; init; }

    /// <summary>A buffer of at least <paramref name="sizeHint"/> free bytes to read input into.</summary>
    public Memory<byte> GetFillBuffer(int sizeHint = 64 * 1024)
    {
        if (_buffer.Length - _end < sizeHint)
        {
            var live = _end - _start;
            var target = _buffer;
            if (live + sizeHint > _buffer.Length)
            {
                target = new byte[Math.Max(_buffer.Length * 2, live + sizeHint)];
            }

            Buffer.BlockCopy(_buffer, _start, target, 0, live);
            _buffer = target;
            _start = 0;
            _end = live;
        }

        return _buffer.AsMemory(_end);
    }

    /// <summary>Records that <paramref name="count"/> bytes were written into the fill buffer; 0 means the input ended.</summary>
    public void Advance(int count)
    {
        if (count == 0)
        {
            _final = true;
        }

        _end += count;
    }

    /// <summary>Reads the next entry if the buffered bytes hold one.</summary>
    public Step Next(out BundleEntry? entry)
    {
        entry = null;
        if (_done)
        {
            return Step.End;
        }

        try
        {
            return NextCore(out entry);
        }
        catch (JsonException ex)
        {
            // Only the position: the reader's own message quotes input bytes, which may be another party's
            // data, and which bytes it quotes depends on how the input was chunked.
            _done = true;
            entry = new BundleEntry(-1, _mode is Mode.Objects ? $"/objects/{_index}" : string.Empty, default,
                new StixError(_mode is Mode.Objects ? $"/objects/{_index}" : string.Empty, $"malformed JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}"), Fatal: true);
            return Step.Entry;
        }
    }

    private Step NextCore(out BundleEntry? entry)
    {
        entry = null;
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            var step = Advance(ref reader, out entry, out var consumed);
            if (step == Step.NeedMoreData && _end - _start > MaxObjectBytes)
            {
                _done = true;
                entry = new BundleEntry(_index, $"/objects/{_index}", default, new StixError($"/objects/{_index}", $"an object is larger than {MaxObjectBytes / (1024 * 1024)} MiB"), Fatal: true);
                return Step.Entry;
            }

            if (step == Step.NeedMoreData && _final)
            {
                _done = true;
                entry = new BundleEntry(-1, string.Empty, default, new StixError(string.Empty, "the input ends in the middle of a JSON value"), Fatal: true);
                return Step.Entry;
            }

            if (consumed > 0)
            {
                _start += consumed;
                _state = reader.CurrentState;
            }

            if (step != Step.NeedMoreData || consumed == 0)
            {
                return step;
            }
        }
    }

    private Step Advance(ref Utf8JsonReader reader, out BundleEntry? entry, out int consumed)
    {
        entry = null;
        consumed = 0;
        while (true)
        {
            switch (_mode)
            {
                case Mode.Root:
                    // The reader throws on final input without a token, so emptiness is checked before reading.
                    if (_final && _buffer.AsSpan(_start, _end - _start).TrimStart(" \t\r\n"u8).IsEmpty)
                    {
                        _done = true;
                        entry = new BundleEntry(-1, string.Empty, default, new StixError(string.Empty, "the input is empty"), Fatal: true);
                        return Step.Entry;
                    }

                    if (!reader.Read())
                    {
                        return Step.NeedMoreData;
                    }

                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        _mode = Mode.RootArray;
                        consumed = (int)reader.BytesConsumed;
                        continue;
                    }

                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        _done = true;
                        entry = new BundleEntry(-1, string.Empty, default, new StixError(string.Empty, "expected a STIX bundle, an array of objects or one object"), Fatal: true);
                        return Step.Entry;
                    }

                    // The root object's bytes stay buffered until its objects array is found, so a single
                    // object (no "objects") can still be handed out whole.
                    _mode = Mode.RootObject;
                    continue;
                case Mode.RootObject:
                    {
                        // Read on a copy and move the reader only past whole properties: a property cut by the
                        // end of the buffered bytes is read again from its name once more bytes have come, so
                        // the saved reader state always matches the bytes consumed.
                        var copy = reader;
                        if (!copy.Read())
                        {
                            return Step.NeedMoreData;
                        }

                        if (copy.TokenType == JsonTokenType.EndObject && copy.CurrentDepth == 0)
                        {
                            reader = copy;
                            consumed = (int)reader.BytesConsumed;
                            var ended = RootObjectEnded(ref entry, consumed);
                            if (ended != Step.End)
                            {
                                return ended;
                            }

                            // Nothing to report about the bundle: go on to check what follows it.
                            continue;
                        }

                        if (copy.TokenType != JsonTokenType.PropertyName || copy.CurrentDepth != 1)
                        {
                            // The root object's own start.
                            reader = copy;
                            continue;
                        }

                        var name = copy.GetString();
                        if (!copy.Read())
                        {
                            return Step.NeedMoreData;
                        }

                        if (name == "objects" && copy.TokenType == JsonTokenType.StartArray)
                        {
                            reader = copy;
                            _sawObjects = true;
                            _mode = Mode.Objects;
                            consumed = (int)reader.BytesConsumed;
                            continue;
                        }

                        if (name is "type" or "id" && copy.TokenType == JsonTokenType.String)
                        {
                            if (name == "type")
                            {
                                _rootType = copy.GetString();
                            }
                            else
                            {
                                _rootId = copy.GetString();
                            }
                        }

                        if (!copy.TrySkip())
                        {
                            return Step.NeedMoreData;
                        }

                        reader = copy;
                        if (_sawObjects)
                        {
                            consumed = (int)reader.BytesConsumed;
                        }

                        continue;
                    }

                case Mode.Objects or Mode.RootArray:
                    {
                        var copy = reader;
                        if (!copy.Read())
                        {
                            return Step.NeedMoreData;
                        }

                        if (copy.TokenType == JsonTokenType.EndArray)
                        {
                            reader = copy;
                            consumed = (int)reader.BytesConsumed;
                            _mode = _mode == Mode.Objects ? Mode.RootObject : Mode.Finished;
                            if (_mode == Mode.Finished)
                            {
                                return Finish(reader, out entry, ref consumed);
                            }

                            continue;
                        }

                        var pointer = _mode == Mode.Objects ? $"/objects/{_index}" : $"/{_index}";
                        var begin = (int)copy.TokenStartIndex;
                        if (!copy.TrySkip())
                        {
                            return Step.NeedMoreData;
                        }

                        reader = copy;
                        consumed = (int)reader.BytesConsumed;
                        var index = _index++;
                        if (copy.TokenType != JsonTokenType.EndObject)
                        {
                            entry = new BundleEntry(index, pointer, default, new StixError(pointer, "each item must be a STIX object (a JSON object)"));
                            return Step.Entry;
                        }

                        var json = LendEntryBytes ? _buffer.AsMemory(_start + begin, consumed - begin) : _buffer.AsSpan(_start + begin, consumed - begin).ToArray();
                        entry = new BundleEntry(index, pointer, json, null);
                        return Step.Entry;
                    }

                default:
                    return Finish(reader, out entry, ref consumed);
            }
        }
    }

    private Step RootObjectEnded(ref BundleEntry? entry, int consumed)
    {
        _mode = Mode.Finished;
        if (!_sawObjects && _rootType is not null && _rootType != "bundle")
        {
            // A single STIX object: everything from the start of the buffer is the object.
            entry = new BundleEntry(0, string.Empty, _buffer.AsSpan(_start, consumed).ToArray(), null);
            return Step.Entry;
        }

        var problem = _rootType != "bundle" ? new StixError("/type", "a bundle's type must be \"bundle\"")
            : !StixId.TryParse(_rootId, out var id) || id.Type != "bundle" ? new StixError("/id", "a bundle needs an id of the form bundle--UUID")
            : null;
        if (problem is not null)
        {
            entry = new BundleEntry(-1, problem.Pointer, default, problem);
            return Step.Entry;
        }

        return Step.End;
    }

    private Step Finish(Utf8JsonReader reader, out BundleEntry? entry, ref int consumed)
    {
        entry = null;
        if (!_final)
        {
            return Step.NeedMoreData;
        }

        // Anything but whitespace after the root value makes this Read throw, which Next reports as fatal.
        reader.Read();
        consumed = (int)reader.BytesConsumed;
        _done = true;
        return Step.End;
    }

    /// <summary>Feeds a whole in-memory document and returns every entry (for tests and small inputs).</summary>
    public static IReadOnlyList<BundleEntry> ParseAll(ReadOnlySpan<byte> json)
    {
        var parser = new BundleParser();
        var entries = new List<BundleEntry>();
        var offset = 0;
        while (true)
        {
            var step = parser.Next(out var entry);
            if (step == Step.Entry)
            {
                entries.Add(entry!);
                continue;
            }

            if (step == Step.End)
            {
                return entries;
            }

            var fill = parser.GetFillBuffer();
            var n = Math.Min(fill.Length, json.Length - offset);
            json.Slice(offset, n).CopyTo(fill.Span);
            offset += n;
            parser.Advance(n);
        }
    }

    /// <summary>Feeds a whole string (for tests).</summary>
    public static IReadOnlyList<BundleEntry> ParseAll(string json) => ParseAll(Encoding.UTF8.GetBytes(json));
}
