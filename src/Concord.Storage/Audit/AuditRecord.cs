namespace Concord.Storage.Audit;

/// <summary>An audit entry before the store gives it a sequence number and a hash.</summary>
/// <param name="At">When, UTC.</param>
/// <param name="Actor">The member id, or <c>system</c>.</param>
/// <param name="Party">The party acted for.</param>
/// <param name="Action">What was done.</param>
/// <param name="Target">The object or directory id concerned.</param>
/// <param name="Purpose">The stated purpose.</param>
/// <param name="Detail">Ids and counts only.</param>
public sealed record AuditRecord(DateTimeOffset At, string Actor, string? Party, string Action, string? Target, string? Purpose, string Detail);
