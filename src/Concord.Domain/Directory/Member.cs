namespace Concord.Domain.Directory;

/// <summary>A person or system account. It acts for its party (if any) through its API keys.</summary>
/// <param name="Id">The member's id, <c>name@party</c>.</param>
/// <param name="DisplayName">How people call it.</param>
/// <param name="Role">What it does.</param>
/// <param name="Disabled">True when it may no longer act.</param>
public sealed record Member(MemberId Id, string DisplayName, MemberRole Role, bool Disabled = false);
