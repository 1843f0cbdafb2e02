using Concord.Storage.Tests.Backends;

namespace Concord.Storage.Tests.Audit;

[RequiresPostgres]
public sealed class PostgresAuditLogContractTests(PostgresFixture<PostgresAuditLogContractTests> fixture)
    : AuditLogContractTests(fixture), IClassFixture<PostgresFixture<PostgresAuditLogContractTests>>;
