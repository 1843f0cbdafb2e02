using System.CommandLine;
using System.Data.Common;
using System.Text.Json;
using Concord.Domain.Directory;
using Concord.Storage;
using Concord.Storage.Access;
using Spectre.Console;

namespace Concord.Cli;

/// <summary>What a running command needs: the opened store, the acting member, and output in tables or JSON.</summary>
internal sealed class CliContext : IAsyncDisposable
{
    /// <summary>The actor recorded for administration done from the node's own command line.</summary>
    public const string Operator = "operator@node";

    private CliContext(IConcordStore store, bool json, TextWriter output)
    {
        Store = store;
        Json = json;
        Output = output;
    }

    public IConcordStore Store { get; }

    public bool Json { get; }

    public TextWriter Output { get; }

    public static async Task<CliContext> OpenAsync(ParseResult parse, CancellationToken cancellationToken, bool migrate = true)
    {
        var location = parse.GetValue(CliOptions.Store)!;
        var store = OpenStore(location);
        if (migrate)
        {
            try
            {
                await store.MigrateAsync(cancellationToken);
            }
            catch (DbException ex)
            {
                await store.DisposeAsync();
                throw new CliException($"--store: '{location}' cannot be opened as a Concord store: {ex.Message}", ex);
            }
        }

        return new CliContext(store, parse.GetValue(CliOptions.Json), CliRunner.Current.Value?.Output ?? System.Console.Out);
    }

    public static IConcordStore OpenStore(string location) => StoreLocation.Open(location);

    /// <summary>The actor for <c>--as</c>; a missing or disabled member is an error naming it.</summary>
    public async Task<Actor> ActAsAsync(string? member, CancellationToken cancellationToken)
    {
        if (!MemberId.TryParse(member, out var id))
        {
            throw new CliException($"--as: '{member}' is not a member id (name@party, e.g. analyst@ru-fsb)");
        }

        var actor = await new ActorResolver(Store).ResolveAsync(id, cancellationToken);
        if (actor is null)
        {
            throw new CliException($"--as: no enabled member '{id}' on this node");
        }

        if (actor.Reader is null)
        {
            throw new CliException($"--as: '{id}' is a node administrator and reads no STIX data; act as a member of a party");
        }

        return actor;
    }

    public void WriteJson<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info) =>
        Output.WriteLine(ReadableJson(value, info));

    /// <summary>Indented JSON with names in Cyrillic and Arabic left as they are, not escaped.</summary>
    public static string ReadableJson<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info, bool indented = true)
    {
        using var document = JsonSerializer.SerializeToDocument(value, info);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public void WriteTable(string[] headers, IEnumerable<string?[]> rows)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var h in headers)
        {
            table.AddColumn(new TableColumn(Markup.Escape(h)));
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(c => new Text(c ?? string.Empty)).ToArray<Spectre.Console.Rendering.IRenderable>());
        }

        Console().Write(table);
    }

    public IAnsiConsole Console() => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Output) });

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
