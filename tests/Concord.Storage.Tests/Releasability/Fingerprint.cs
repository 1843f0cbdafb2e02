using System.Text;
using Concord.Domain.Releasability;
using Concord.Storage.Objects;

namespace Concord.Storage.Tests.Releasability;

/// <summary>One line that says everything a read returns about a version, so expected and actual compare as text.</summary>
public static class Fingerprint
{
    public static string Of(string id, long version, PartyId originator, bool revoked, Release release, ReadOnlyMemory<byte> json) =>
        $"{id} v{version} by {originator}{(revoked ? " REVOKED" : string.Empty)} to [{release}] {Encoding.UTF8.GetString(json.Span)}";

    public static string Of(StoredVersion version) =>
        Of(version.Id.ToString(), version.Version.Ticks, version.Distribution.Originator, version.Revoked, version.Distribution.Release, version.Json);
}
