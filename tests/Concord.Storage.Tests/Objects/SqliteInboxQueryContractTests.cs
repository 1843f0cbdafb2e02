using Concord.Storage.Tests.Backends;

namespace Concord.Storage.Tests.Objects;

public sealed class SqliteInboxQueryContractTests(SqliteFixture fixture)
    : InboxQueryContractTests(fixture), IClassFixture<SqliteFixture>;
