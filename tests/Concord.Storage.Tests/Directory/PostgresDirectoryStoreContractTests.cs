using Concord.Storage.Tests.Backends;

namespace Concord.Storage.Tests.Directory;

[RequiresPostgres]
public sealed class PostgresDirectoryStoreContractTests(PostgresFixture<PostgresDirectoryStoreContractTests> fixture)
    : DirectoryStoreContractTests(fixture), IClassFixture<PostgresFixture<PostgresDirectoryStoreContractTests>>;
