using Concord.Storage.Tests.Backends;

namespace Concord.Storage.Tests.Directory;

public sealed class SqliteDirectoryStoreContractTests(SqliteFixture fixture)
    : DirectoryStoreContractTests(fixture), IClassFixture<SqliteFixture>;
