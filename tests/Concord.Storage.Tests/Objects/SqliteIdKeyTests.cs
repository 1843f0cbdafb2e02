using Concord.Storage.Objects;
using Concord.Storage.Sqlite;
using Concord.Storage.Tests.Backends;
using Concord.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Concord.Storage.Tests.Objects;

/// <summary>SQLite finds versions by a 64-bit key of their id (<see cref="SqliteIdKey"/>); the id text still decides.</summary>
public sealed class SqliteIdKeyTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public void The_key_is_the_first_eight_bytes_of_the_ids_sha256()
    {
        const string Id = "threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Id));

        Assert.Equal(System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(hash), SqliteIdKey.Of(Id));
        Assert.NotEqual(SqliteIdKey.Of(Id), SqliteIdKey.Of(Id.Replace("threat-actor", "intrusion-set", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Ids_that_share_a_key_are_still_told_apart()
    {
        var store = await fixture.CreateStoreAsync();
        var world = new TestWorld(store.Store);
        var ru = await world.PartyAsync("ru");
        var a = TestObject.ThreatActor(1, "alpha");
        var b = TestObject.ThreatActor(1, "bravo");
        await world.ImportAsync(ru, a, b, b with { Version = 2, Name = "bravo 2" });

        // A collision cannot be found by search; make one by giving bravo's rows alpha's key.
        await store.ExecuteSqlAsync($"UPDATE object_version SET id_key = {SqliteIdKey.Of(a.Id.ToString())} WHERE object_id = '{b.Id}'");
        var reader = await world.ReaderAsync(ru);

        Assert.Equal(["alpha"], (await store.Store.Objects.GetVersionsAsync(reader, a.Id, None)).Select(v => Name(v)));
        Assert.Equal(
            [a.Id.ToString(), b.Id.ToString() + " bravo 2"],
            (await store.Store.Objects.ListAsync(reader, new ObjectQuery(), None)).Items.Select(v => v.Id == a.Id ? v.Id.ToString() : $"{v.Id} {Name(v)}"));
        var report = await world.ImportAsync(ru, a with { Version = 2, Name = "alpha 2" }, a);
        Assert.Equal((1, 1), (report.Inserted, report.Unchanged));
        Assert.Equal("alpha 2", Name((await store.Store.Objects.GetLatestAsync(reader, a.Id, None))!));
    }

    [Fact]
    public async Task A_store_from_before_the_key_gets_its_keys_when_migrated()
    {
        var store = await fixture.CreateStoreAsync();
        var world = new TestWorld(store.Store);
        var ru = await world.PartyAsync("ru");
        var a = TestObject.ThreatActor(1, "alpha");
        var b = TestObject.ThreatActor(1, "bravo");
        await world.ImportAsync(ru, a, b, a with { Version = 2, Name = "alpha 2" });

        // Back to schema 5: no key column, the old unique index on the id text.
        await store.ExecuteSqlAsync(
            "DROP INDEX object_version_id; ALTER TABLE object_version DROP COLUMN id_key; "
            + "CREATE UNIQUE INDEX object_version_key ON object_version(object_id, version, originator); DELETE FROM schema_version WHERE version = 6");
        await store.Store.MigrateAsync(None);

        var reader = await world.ReaderAsync(ru);
        Assert.Equal(["alpha", "alpha 2"], (await store.Store.Objects.GetVersionsAsync(reader, a.Id, None)).Select(v => Name(v)));
        Assert.Equal("bravo", Name((await store.Store.Objects.GetLatestAsync(reader, b.Id, None))!));
        var report = await world.ImportAsync(ru, b with { Version = 2, Name = "bravo 2" }, a with { Version = 2, Name = "alpha 2" });
        Assert.Equal((1, 1), (report.Inserted, report.Unchanged));
        Assert.Equal(2, (await store.Store.Objects.ListAsync(reader, new ObjectQuery(), None)).Items.Count);
        await using var connection = new SqliteConnection($"Data Source={((SqliteStore)store.Store).Path};Pooling=False");
        await connection.OpenAsync();
        await using var indexes = connection.CreateCommand();
        indexes.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'object_version_key'";
        Assert.Equal(0L, await indexes.ExecuteScalarAsync());
    }

    private static string Name(StoredVersion version)
    {
        using var json = System.Text.Json.JsonDocument.Parse(version.Json);
        return json.RootElement.GetProperty("name").GetString()!;
    }
}
