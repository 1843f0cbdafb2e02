using Concord.Storage.Sqlite;
using Concord.Storage.Tests.Backends;

namespace Concord.Storage.Tests.Deconfliction;

public sealed class SqliteOperationStoreContractTests(SqliteFixture fixture)
    : OperationStoreContractTests(fixture), IClassFixture<SqliteFixture>
{
    protected override IConcordStore SecondInstance(IConcordStore store) => new SqliteStore(((SqliteStore)store).Path);
}
