using Concord.Storage.Tests.Backends;

namespace Concord.Storage.Tests.Access;

public sealed class SqliteAccessContractTests(SqliteFixture fixture)
    : AccessContractTests(fixture), IClassFixture<SqliteFixture>;
