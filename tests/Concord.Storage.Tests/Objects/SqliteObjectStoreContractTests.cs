using Concord.Storage.Tests.Backends;

namespace Concord.Storage.Tests.Objects;

public sealed class SqliteObjectStoreContractTests(SqliteFixture fixture)
    : ObjectStoreContractTests(fixture), IClassFixture<SqliteFixture>;
