using Concord.Storage.Tests.Backends;

namespace Concord.Storage.Tests.Federation;

[RequiresPostgres]
public sealed class PostgresFederationStoreContractTests(PostgresFixture<PostgresFederationStoreContractTests> fixture)
    : FederationStoreContractTests(fixture), IClassFixture<PostgresFixture<PostgresFederationStoreContractTests>>;
