namespace Concord.Server.Directory;

/// <summary>A party as the API shows it.</summary>
public sealed record PartyView(string Id, string Name, string? Country, string Kind, string Identity, string? Node = null);

/// <summary>A channel as its members (or an administrator) see it.</summary>
public sealed record ChannelView(string Id, string Name, string? Description, IReadOnlyList<string> Members);

/// <summary>A member as the API shows it.</summary>
public sealed record MemberView(string Id, string DisplayName, string Role, bool Disabled);

/// <summary>Who the caller is.</summary>
public sealed record MeView(string Member, string Role, string? Party, IReadOnlyList<ChannelView> Channels);
