using Concord.Storage.Tests.Backends;

namespace Concord.Storage.Tests.Objects;

public sealed class SqliteObjectListingContractTests(SqliteFixture fixture)
    : ObjectListingContractTests(fixture), IClassFixture<SqliteFixture>;
