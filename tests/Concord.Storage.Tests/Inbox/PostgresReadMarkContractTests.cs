using Concord.Storage.Tests.Backends;

namespace Concord.Storage.Tests.Inbox;

[RequiresPostgres]
public sealed class PostgresReadMarkContractTests(PostgresFixture<PostgresReadMarkContractTests> fixture)
    : ReadMarkContractTests(fixture), IClassFixture<PostgresFixture<PostgresReadMarkContractTests>>;
