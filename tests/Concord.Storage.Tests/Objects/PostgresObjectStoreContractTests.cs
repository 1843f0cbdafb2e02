using Concord.Storage.Tests.Backends;

namespace Concord.Storage.Tests.Objects;

[RequiresPostgres]
public sealed class PostgresObjectStoreContractTests(PostgresFixture<PostgresObjectStoreContractTests> fixture)
    : ObjectStoreContractTests(fixture), IClassFixture<PostgresFixture<PostgresObjectStoreContractTests>>;
