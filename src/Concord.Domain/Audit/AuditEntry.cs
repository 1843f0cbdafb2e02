namespace Concord.Domain.Audit;

/// <summary>One audit record: who did what, when, to which object, for what stated purpose.</summary>
/// <param name="Sequence">Position in the chain, from 1.</param>
/// <param name="At">When, UTC.</param>
/// <param name="Actor">The member id, or <c>system</c>.</param>
/// <param name="Party">The party the member acted for, if any.</param>
/// <param name="Action">What was done: <c>import</c>, <c>read</c>, <c>list</c>, <c>export</c>, <c>release</c>, <c>party.add</c>, …</param>
/// <param name="Target">The object id or directory id concerned, if one.</param>
/// <param name="Purpose">The purpose the member stated.</param>
/// <param name="Detail">Ids and counts, never object contents or secrets.</param>
public sealed record AuditEntry(long Sequence, DateTimeOffset At, string Actor, string? Party, string Action, string? Target, string? Purpose, string Detail);
