using Concord.Domain.Stix;

namespace Concord.Storage.Inbox;

/// <summary>One version of one object: its id and its version key (ticks of modified, else created, else zero).</summary>
/// <param name="Id">The object id.</param>
/// <param name="Version">The version key in ticks.</param>
public readonly record struct ObjectVersionKey(StixId Id, long Version);
