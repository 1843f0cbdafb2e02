using Concord.Domain.Releasability;

namespace Concord.Domain.Directory;

/// <summary>A channel: a sharing group of parties (a working group, a conference). Only its members know of it.</summary>
/// <param name="Id">The channel's id, e.g. <c>us-ru-wg</c>.</param>
/// <param name="Name">Its full name.</param>
/// <param name="Description">What it is for.</param>
public sealed record Channel(ChannelId Id, string Name, string? Description);
