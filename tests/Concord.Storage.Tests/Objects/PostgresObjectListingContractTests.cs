using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Storage.Objects;
using Concord.Storage.Postgres;
using Concord.Storage.Tests.Backends;
using Concord.Storage.Tests.Support;

namespace Concord.Storage.Tests.Objects;

[RequiresPostgres]
public sealed class PostgresObjectListingContractTests(PostgresFixture<PostgresObjectListingContractTests> fixture)
    : ObjectListingContractTests(fixture), IClassFixture<PostgresFixture<PostgresObjectListingContractTests>>
{
    [ContractFact]
    public async Task Words_indexed_before_accents_were_folded_are_folded_by_the_migration()
    {
        var world = new TestWorld(Shared.Store);
        var ru = await world.PartyAsync("ru");
        var accented = TestObject.ThreatActor(1, "Wilāyat Khurāsān") with { Description = "Tadžikistan, Çorum" };
        var cyrillic = TestObject.ThreatActor(1, "Йошкар-Ола");
        await world.ImportAsync(ru, accented, cyrillic);

        // As a store written before folding holds them: the lower-cased words, accents and all.
        await Shared.ExecuteSqlAsync($"UPDATE object_version SET search = to_tsvector('simple', 'wilāyat khurāsān tadžikistan çorum') WHERE object_id = '{accented.Id}'");
        Assert.Empty(await FindAsync(world, ru, "khurasan"));

        await Shared.ExecuteSqlAsync(PostgresSchema.Migrations[^1]);

        Assert.Equal([accented.Id], await FindAsync(world, ru, "khurasan tadzik"));
        Assert.Equal([accented.Id], await FindAsync(world, ru, "Khurāsān çorum"));
        Assert.Equal([cyrillic.Id], await FindAsync(world, ru, "йошкар"));
    }

    private async Task<List<StixId>> FindAsync(TestWorld world, PartyId party, string text) =>
        (await Shared.Store.Objects.ListAsync(await world.ReaderAsync(party), new ObjectQuery { Text = text }, CancellationToken.None)).Items.Select(v => v.Id).ToList();
}
