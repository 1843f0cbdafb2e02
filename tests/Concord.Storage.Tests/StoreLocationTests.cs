using Concord.Storage.Postgres;
using Concord.Storage.Sqlite;
using Concord.Storage.Tests.Backends;
using Npgsql;

namespace Concord.Storage.Tests;

public sealed class StoreLocationTests
{
    private const string Secret = "s3cret-pw";

    [Fact]
    public async Task A_plain_path_opens_a_sqlite_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"concord-{Guid.NewGuid():N}.db");

        await using var store = StoreLocation.Open(path);

        Assert.Equal(path, Assert.IsType<SqliteStore>(store).Path);
    }

    [Fact]
    public async Task A_sqlite_prefix_opens_the_file_it_names_as_the_description_writes_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"concord-{Guid.NewGuid():N}.db");
        await using var first = StoreLocation.Open(path);

        await using var again = StoreLocation.Open(first.Description);

        Assert.Equal(path, Assert.IsType<SqliteStore>(again).Path);
    }

    [Theory]
    [InlineData("postgres://concord:" + Secret + "@db.example:6432/intel?schema=node_a", "node_a")]
    [InlineData("postgresql://concord:" + Secret + "@db.example/intel", "public")]
    [InlineData("POSTGRES://concord@db.example/intel?sslmode=require&schema=b2", "b2")]
    public async Task A_postgres_url_opens_postgres_in_the_schema_it_names(string location, string schema)
    {
        await using var store = StoreLocation.Open(location);

        Assert.Equal(schema, Assert.IsType<PostgresStore>(store).Schema);
        Assert.StartsWith("postgresql://concord@db.example:", store.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, store.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db.example;Username=concord;Password=" + Secret + ";Database=intel;Schema=node_a", "node_a")]
    [InlineData("host=db.example;password=" + Secret, "public")]
    [InlineData("Database=intel; Server=db.example;Password=" + Secret, "public")]
    public async Task An_npgsql_connection_string_opens_postgres_in_the_schema_it_names(string location, string schema)
    {
        await using var store = StoreLocation.Open(location);

        Assert.Equal(schema, Assert.IsType<PostgresStore>(store).Schema);
        Assert.DoesNotContain(Secret, store.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("mysql://root:" + Secret + "@db/intel", "unsupported scheme 'mysql'")]
    [InlineData("postgres://concord:" + Secret + "@/intel", "malformed")]
    [InlineData("postgres://concord:" + Secret + "@db:notaport/intel", "malformed")]
    [InlineData("postgres://concord:" + Secret + "@db/intel?schema=Bad-Name", "schema")]
    [InlineData("postgres://concord:" + Secret + "@db/intel?frobnicate=1", "'frobnicate'")]
    [InlineData("Host=db;Password=" + Secret + ";Schema=1abc", "schema")]
    [InlineData("Host=db;Password=" + Secret + ";Frobnicate=yes", "'frobnicate'")]
    [InlineData("Host=db;Password=" + Secret + ";Port=many", "'port'")]
    [InlineData("Host=db;Password='" + Secret, "malformed")]
    [InlineData("Database=intel;Host=;Password=" + Secret, "no host")]
    [InlineData("sqlite:", "empty")]
    public void A_bad_location_is_refused_with_a_reason_and_without_its_password(string location, string reason)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => StoreLocation.Open(location));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_is_not_a_sqlite_file()
    {
        var error = Assert.Throws<ArgumentException>(() => StoreLocation.Open(Path.GetTempPath()));

        Assert.Contains("directory", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_postgres_url_reaches_the_server_and_migrates_its_schema()
    {
        var settings = new NpgsqlConnectionStringBuilder(PostgresEnvironment.RequireConnectionString());
        var schema = $"storelocationtests_{Guid.NewGuid().ToString("N")[..6]}";
        var url = $"postgres://{Uri.EscapeDataString(settings.Username!)}:{Uri.EscapeDataString(settings.Password ?? string.Empty)}@{settings.Host}:{settings.Port}/"
            + $"{Uri.EscapeDataString(settings.Database!)}?schema={schema}&Command%20Timeout=20";

        try
        {
            await using var store = StoreLocation.Open(url);
            await store.MigrateAsync(CancellationToken.None);
            await store.MigrateAsync(CancellationToken.None);

            Assert.Empty(await store.Directory.ListPartiesAsync(CancellationToken.None));
        }
        finally
        {
            await using var connection = new NpgsqlConnection(settings.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
