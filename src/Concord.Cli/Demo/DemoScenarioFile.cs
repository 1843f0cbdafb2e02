namespace Concord.Cli.Demo;

/// <summary>The shape of <c>Demo/scenario.json</c>.</summary>
internal sealed record DemoScenarioFile(IReadOnlyList<DemoParty> Parties, IReadOnlyList<DemoChannel> Channels, IReadOnlyList<DemoMember> Members);

/// <summary>A party of the demo.</summary>
internal sealed record DemoParty(string Id, string Name, string? Country, string Kind, string? Identity);

/// <summary>A channel of the demo.</summary>
internal sealed record DemoChannel(string Id, string Name, string? Description, IReadOnlyList<string> Members);

/// <summary>A member of the demo.</summary>
internal sealed record DemoMember(string Party, string Name, string? Display, string Role);
