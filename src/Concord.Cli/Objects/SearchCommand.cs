using System.CommandLine;
using System.Text.Json;
using Concord.Domain.Stix;
using Concord.Storage.Access;
using Concord.Storage.Objects;

namespace Concord.Cli.Objects;

/// <summary><c>concord search [words]</c>: finds objects a member's party may read.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var text = new Argument<string?>("words") { Description = "Words to find in names, aliases, descriptions (any script; each matches as a prefix).", Arity = ArgumentArity.ZeroOrOne };
        var actAs = CliOptions.As();
        var purpose = CliOptions.Purpose();
        var limit = new Option<int>("--limit") { Description = "Most results to show.", DefaultValueFactory = _ => 50 };
        var filters = new QueryOptions();
        var command = new Command("search", "Search the objects a member's party may read.") { text, actAs, purpose, limit };
        filters.AddTo(command);
        command.SetAction(CliRunner.WithStore(async (parse, context, cancellationToken) =>
        {
            var actor = await context.ActAsAsync(parse.GetValue(actAs), cancellationToken);
            var max = parse.GetValue(limit);
            if (max is < 1 or > ObjectQuery.MaxLimit)
            {
                throw new CliException($"--limit: a whole number from 1 to {ObjectQuery.MaxLimit}");
            }

            var query = filters.Query(parse, parse.GetValue(text)) with { Limit = max };
            var page = await new ObjectAccess(context.Store).ListAsync(actor, query, parse.GetValue(purpose), cancellationToken);
            var hits = page.Items.Select(ToHit).ToList();
            if (context.Json)
            {
                context.WriteJson<IReadOnlyList<SearchHit>>(hits, CliJson.Default.IReadOnlyListSearchHit);
            }
            else
            {
                context.WriteTable(["id", "type", "name", "originator", "TLP", "version"], hits.Select(h => new[] { h.Id, h.Type, h.Name, h.Originator, h.Tlp, h.Version + (h.Revoked ? " (revoked)" : string.Empty) }));
                if (page.Next is not null)
                {
                    context.Output.WriteLine($"More than {max} results; narrow the search or raise --limit.");
                }
            }

            return 0;
        }));
        return command;
    }

    private static SearchHit ToHit(StoredVersion v)
    {
        using var doc = JsonDocument.Parse(v.Json);
        var name = doc.RootElement.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()
            : doc.RootElement.TryGetProperty("value", out var val) && val.ValueKind == JsonValueKind.String ? val.GetString() : null;
        return new SearchHit(v.Id.ToString(), v.Type, name, v.Distribution.Originator.Value, v.Distribution.Tlp is { } t ? Tlp.LabelOf(t) : null, v.Version.ToString(), v.Revoked);
    }
}
