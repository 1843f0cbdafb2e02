using System.CommandLine;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Storage.Objects;

namespace Concord.Cli.Objects;

/// <summary>The filter options of search and export.</summary>
internal sealed class QueryOptions
{
    public Option<string?> Type { get; } = new("--type") { Description = "Only this STIX type, e.g. threat-actor." };

    public Option<string?> Originator { get; } = new("--originator") { Description = "Only objects from this party." };

    public Option<string?> Channel { get; } = new("--channel") { Description = "Only objects released to this channel (one of yours)." };

    public Option<string?> ModifiedAfter { get; } = new("--modified-after") { Description = "Only versions modified after this time, e.g. 2024-01-01T00:00:00.000Z." };

    public void AddTo(Command command)
    {
        command.Options.Add(Type);
        command.Options.Add(Originator);
        command.Options.Add(Channel);
        command.Options.Add(ModifiedAfter);
    }

    public ObjectQuery Query(ParseResult parse, string? text)
    {
        var query = new ObjectQuery { Text = text };
        if (parse.GetValue(Type) is { } type)
        {
            query = StixTypes.IsValidTypeName(type) ? query with { Type = type } : throw new CliException($"--type: '{type}' is not a STIX type name");
        }

        if (parse.GetValue(Originator) is { } originator)
        {
            query = PartyId.TryParse(originator, out var p) ? query with { Originator = p } : throw new CliException($"--originator: '{originator}' is not a party id");
        }

        if (parse.GetValue(Channel) is { } channel)
        {
            query = ChannelId.TryParse(channel, out var c) ? query with { Channel = c } : throw new CliException($"--channel: '{channel}' is not a channel id");
        }

        if (parse.GetValue(ModifiedAfter) is { } after)
        {
            query = StixTimestamp.TryParse(after, out var ts) ? query with { ModifiedAfter = ts.Ticks } : throw new CliException($"--modified-after: '{after}' is not a timestamp like 2024-01-01T00:00:00.000Z");
        }

        return query;
    }
}
