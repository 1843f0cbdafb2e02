using Concord.Storage.Tests.Backends;

namespace Concord.Storage.Tests.Audit;

public sealed class SqliteAuditLogContractTests(SqliteFixture fixture)
    : AuditLogContractTests(fixture), IClassFixture<SqliteFixture>;
