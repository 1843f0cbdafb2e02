using Concord.Storage.Tests.Backends;

namespace Concord.Storage.Tests.Inbox;

public sealed class SqliteReadMarkContractTests(SqliteFixture fixture)
    : ReadMarkContractTests(fixture), IClassFixture<SqliteFixture>;
