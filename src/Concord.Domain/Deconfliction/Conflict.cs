namespace Concord.Domain.Deconfliction;

/// <summary>A conflict found when <see cref="Registered"/> was registered or amended: it overlaps <see cref="Existing"/>.</summary>
/// <param name="Registered">The operation version being registered or amended.</param>
/// <param name="Existing">The active operation it overlaps.</param>
/// <param name="From">Start of the shared time span (margins included).</param>
/// <param name="Until">End of the shared time span, excluded.</param>
public sealed record Conflict(OperationVersion Registered, OperationVersion Existing, DateTimeOffset From, DateTimeOffset Until)
{
    /// <summary>True when both operations belong to one party: an internal note to that party only.</summary>
    public bool Internal => Registered.Party == Existing.Party;
}
