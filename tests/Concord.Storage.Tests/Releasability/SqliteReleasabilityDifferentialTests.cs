using Concord.Storage.Tests.Backends;

namespace Concord.Storage.Tests.Releasability;

public sealed class SqliteReleasabilityDifferentialTests(SqliteFixture fixture)
    : ReleasabilityDifferentialTests(fixture), IClassFixture<SqliteFixture>;
