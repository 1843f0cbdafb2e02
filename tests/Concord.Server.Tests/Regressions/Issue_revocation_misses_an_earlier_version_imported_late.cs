using System.Net;
using Concord.Server.Tests.Node;
using Concord.Server.Tests.Releasability;
using Concord.Server.Tests.Stix;

namespace Concord.Server.Tests.Regressions;

/// <summary>
/// A revocation imported before an earlier version of the same object (bundles arriving out of order, or a
/// partner's sync delivering them so) did not reach the recipients of that earlier version: they kept reading
/// the unrevoked v1 as the latest, though DESIGN.md says a revocation travels to every party that had the old one.
/// </summary>
public sealed class Issue_revocation_misses_an_earlier_version_imported_late
{
    [Fact]
    public async Task Recipients_of_an_earlier_version_imported_after_the_revocation_see_the_revocation()
    {
        var (node, parties) = await TestNode.StartWithPartiesAsync("us-fbi", "ru-fsb", "pk-isi", "kz-knb");
        await using var _ = node;
        var (originator, member, direct, outsider) = (parties[0], parties[1], parties[2], parties[3]);
        await node.AddChannelAsync("kabul-conf", "us-fbi", "ru-fsb");
        var v1 = StixDraft.ThreatActor("Late cell", channels: ["kabul-conf"], parties: ["pk-isi"]);
        var v2 = v1.Next() with { Revoked = true, Channels = [], Parties = [] };

        await originator.ImportOkAsync(StixDraft.Bundle(v2));
        await originator.ImportOkAsync(StixDraft.Bundle(v1));

        await RevocationTests.AssertSeesRevocationAsync(member, v2);
        await RevocationTests.AssertSeesRevocationAsync(direct, v2);
        await RevocationTests.AssertSeesRevocationAsync(originator, v2);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/objects/{v1.Id}")).Status);
    }
}
