using Concord.Storage.Tests.Backends;

namespace Concord.Storage.Tests.Federation;

public sealed class SqliteFederationStoreContractTests(SqliteFixture fixture)
    : FederationStoreContractTests(fixture), IClassFixture<SqliteFixture>;
