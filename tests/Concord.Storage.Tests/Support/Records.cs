using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Domain.Versioning;
using Concord.Storage.Objects;

namespace Concord.Storage.Tests.Support;

/// <summary>Makes <see cref="VersionRecord"/>s as the importer would, for tests that drive an import session directly.</summary>
public static class Records
{
    public static VersionRecord Of(TestObject obj, PartyId originator)
    {
        var validation = StixValidator.Validate(System.Text.Encoding.UTF8.GetBytes(obj.ToJson()));
        var stix = validation.Object ?? throw new InvalidOperationException(string.Join("; ", validation.Errors));
        var release = stix.Concord.Release ?? Release.None;
        var distribution = new Distribution(originator, release, stix.Tlp, Handling.None);
        return new VersionRecord(stix, distribution, null, VersionDigest.Compute(stix.Json.Span, distribution, null));
    }
}
