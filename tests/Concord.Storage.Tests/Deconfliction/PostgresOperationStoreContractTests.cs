using Concord.Storage.Postgres;
using Concord.Storage.Tests.Backends;

namespace Concord.Storage.Tests.Deconfliction;

[RequiresPostgres]
public sealed class PostgresOperationStoreContractTests(PostgresFixture<PostgresOperationStoreContractTests> fixture)
    : OperationStoreContractTests(fixture), IClassFixture<PostgresFixture<PostgresOperationStoreContractTests>>
{
    protected override IConcordStore SecondInstance(IConcordStore store) =>
        new PostgresStore(PostgresEnvironment.RequireConnectionString(), ((PostgresStore)store).Schema);
}
