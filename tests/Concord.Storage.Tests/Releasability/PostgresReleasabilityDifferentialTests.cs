using Concord.Storage.Tests.Backends;

namespace Concord.Storage.Tests.Releasability;

[RequiresPostgres]
public sealed class PostgresReleasabilityDifferentialTests(PostgresFixture<PostgresReleasabilityDifferentialTests> fixture)
    : ReleasabilityDifferentialTests(fixture), IClassFixture<PostgresFixture<PostgresReleasabilityDifferentialTests>>;
