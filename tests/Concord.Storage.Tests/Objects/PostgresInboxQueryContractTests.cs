using Concord.Storage.Tests.Backends;

namespace Concord.Storage.Tests.Objects;

[RequiresPostgres]
public sealed class PostgresInboxQueryContractTests(PostgresFixture<PostgresInboxQueryContractTests> fixture)
    : InboxQueryContractTests(fixture), IClassFixture<PostgresFixture<PostgresInboxQueryContractTests>>;
