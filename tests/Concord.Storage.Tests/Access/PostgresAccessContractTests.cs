using Concord.Storage.Tests.Backends;

namespace Concord.Storage.Tests.Access;

[RequiresPostgres]
public sealed class PostgresAccessContractTests(PostgresFixture<PostgresAccessContractTests> fixture)
    : AccessContractTests(fixture), IClassFixture<PostgresFixture<PostgresAccessContractTests>>;
