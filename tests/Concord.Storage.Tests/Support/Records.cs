using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Domain.Versioning;
using Concord.Storage.Objects;

namespace Concord.Storage.Tests.Support;

/// <summary>Makes <see cref="VersionRecord"/>s as the importer would, for tests that drive an import session directly.</summary>
public static class Records
{
    /// <summary>The record of <paramref name="obj"/>, released as its JSON says.</summary>
    public static VersionRecord Of(TestObject obj, PartyId originator) => Of(obj, originator, null);

    /// <summary>
    /// The record of <paramref name="obj"/> with <paramref name="release"/> as its distribution's release (the JSON's
    /// when null): the same JSON under two releases gives two records of the same content.
    /// </summary>
    public static VersionRecord Of(TestObject obj, PartyId originator, Release? release)
    {
        var validation = StixValidator.Validate(System.Text.Encoding.UTF8.GetBytes(obj.ToJson()));
        var stix = validation.Object ?? throw new InvalidOperationException(string.Join("; ", validation.Errors));
        var distribution = new Distribution(originator, release ?? stix.Concord.Release ?? Release.None, stix.Tlp, Handling.None);
        return new VersionRecord(stix, distribution, null, VersionDigest.Compute(stix.Json.Span, distribution, null));
    }
}
