using System.CommandLine;
using Concord.Domain.Releasability;

namespace Concord.Cli.Objects;

/// <summary>The <c>--channel</c>, <c>--party</c>, <c>--caveat</c>, <c>--purpose</c>, <c>--restriction</c> and <c>--grading</c> options.</summary>
internal sealed class ReleaseOptions
{
    public Option<string[]> Channels { get; } = new("--channel") { Description = "Release to this channel (repeat for several).", AllowMultipleArgumentsPerToken = true };

    public Option<string[]> Parties { get; } = new("--party") { Description = "Release to this party (repeat for several).", AllowMultipleArgumentsPerToken = true };

    public Option<string[]> Caveats { get; } = new("--caveat") { Description = "Handling caveat: ORCON, H0 (purpose only), H1 (not in court), H2 (no onward sharing), H3 (other).", AllowMultipleArgumentsPerToken = true };

    public Option<string?> Purpose { get; } = new("--stated-purpose") { Description = "The purpose an H0 item may be used for." };

    public Option<string?> Restriction { get; } = new("--restriction") { Description = "The restriction an H3 item carries." };

    public Option<string?> Grading { get; } = new("--grading") { Description = "Admiralty grading, A-F then 1-6, e.g. B2." };

    public void AddTo(Command command, bool withHandling)
    {
        command.Options.Add(Channels);
        command.Options.Add(Parties);
        if (withHandling)
        {
            command.Options.Add(Caveats);
            command.Options.Add(Purpose);
            command.Options.Add(Restriction);
            command.Options.Add(Grading);
        }
    }

    public Release Release(ParseResult parse) => new(
        (parse.GetValue(Parties) ?? []).Select(p => PartyId.TryParse(p, out var id) ? id : throw new CliException($"--party: '{p}' is not a party id")),
        (parse.GetValue(Channels) ?? []).Select(c => ChannelId.TryParse(c, out var id) ? id : throw new CliException($"--channel: '{c}' is not a channel id")));

    public Handling Handling(ParseResult parse)
    {
        var caveats = Domain.Releasability.Caveats.None;
        foreach (var code in parse.GetValue(Caveats) ?? [])
        {
            caveats |= Domain.Releasability.Handling.TryParseCode(code, out var c) ? c : throw new CliException($"--caveat: '{code}' is not one of ORCON, H0, H1, H2, H3");
        }

        return Domain.Releasability.Handling.TryCreate(caveats, parse.GetValue(Purpose), parse.GetValue(Restriction), out var handling, out var error)
            ? handling
            : throw new CliException($"--caveat: {error}");
    }

    public Grading? GradingOf(ParseResult parse) => parse.GetValue(Grading) is { } g
        ? (Domain.Releasability.Grading.TryParse(g, out var grading) ? grading : throw new CliException($"--grading: '{g}' is not an Admiralty code (A-F then 1-6, e.g. B2)"))
        : null;
}
