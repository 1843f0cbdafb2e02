using Concord.Storage.Tests.Backends;

namespace Concord.Storage.Tests.Objects;

[RequiresPostgres]
public sealed class PostgresObjectListingContractTests(PostgresFixture<PostgresObjectListingContractTests> fixture)
    : ObjectListingContractTests(fixture), IClassFixture<PostgresFixture<PostgresObjectListingContractTests>>;
