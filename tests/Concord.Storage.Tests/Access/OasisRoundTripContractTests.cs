using System.Text.Json;
using System.Text.Json.Nodes;
using Concord.Domain.Directory;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Storage.Access;
using Concord.Storage.Import;
using Concord.Storage.Objects;
using Concord.Storage.Tests.Backends;

namespace Concord.Storage.Tests.Access;

/// <summary>
/// The OASIS STIX 2.1 examples go in through the importer and come out of an export unchanged: every property,
/// unknown ones and foreign extensions included, with only Concord's own extension added.
/// </summary>
public abstract class OasisRoundTripContractTests(StoreFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "data", "oasis-examples"), "*.json", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}quirks{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(AppContext.BaseDirectory, file));
        }

        return data;
    }

    [ContractTheory]
    [MemberData(nameof(Examples))]
    public async Task OASIS_example_imports_and_exports_without_loss(string example)
    {
        // A fresh store per example: the OASIS examples reuse some ids with different content, which one store
        // rightly refuses as conflicting versions.
        var store = (await fixture.CreateStoreAsync()).Store;
        var party = PartyId.Parse("oasis-" + Guid.NewGuid().ToString("N")[..8]);
        var admin = new DirectoryAdmin(store);
        await admin.AddPartyAsync("admin@node", party, "Example party", null, PartyKind.StateService, null, None);
        var member = MemberId.Of("analyst", party);
        await admin.AddMemberAsync("admin@node", member, "Analyst", MemberRole.Analyst, None);
        var actor = (await new ActorResolver(store).ResolveAsync(member, None))!;
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, example));

        await using (var input = new MemoryStream(bytes))
        {
            var report = await new Importer(store).ImportAsync(input, new ImportRequest(actor, Release.None, Handling.None, null, true, example), null, None);
            Assert.True(report.Committed, string.Join("; ", report.Problems));
            Assert.Equal(0, report.Rejected);
        }

        using var output = new MemoryStream();
        await new ObjectAccess(store).ExportAsync(actor, new ObjectQuery { Originator = party }, "round trip", output, None);

        var exported = JsonNode.Parse(output.ToArray())!["objects"]!.AsArray()
            .Select(o => o!.AsObject())
            .Where(o => (string?)o["id"] != ConcordExtension.Id)
            .ToDictionary(o => (string)o["id"]!, WithoutConcordExtension);
        var expected = InputObjects(bytes)
            .GroupBy(o => ((string)o["id"]!).ToLowerInvariant())
            .Select(g => g.OrderBy(o => (string?)o["modified"] ?? (string?)o["created"] ?? string.Empty, StringComparer.Ordinal).Last())
            .ToList();
        Assert.Equal(expected.Count, exported.Count);
        foreach (var original in expected)
        {
            var id = ((string)original["id"]!).ToLowerInvariant();
            Assert.True(exported.TryGetValue(id, out var back), $"{id} was not exported");
            Assert.True(JsonNode.DeepEquals(original, back), $"{id} changed on the way through:\n{original.ToJsonString()}\n{back!.ToJsonString()}");
        }
    }

    private static IEnumerable<JsonObject> InputObjects(byte[] bytes)
    {
        var root = JsonNode.Parse(bytes)!;
        return root is JsonObject o && o["objects"] is JsonArray objects
            ? objects.Select(x => x!.AsObject())
            : root is JsonArray array ? array.Select(x => x!.AsObject()) : [root.AsObject()];
    }

    private static JsonObject WithoutConcordExtension(JsonObject exported)
    {
        var copy = JsonNode.Parse(exported.ToJsonString())!.AsObject();
        if (copy["extensions"] is JsonObject extensions)
        {
            extensions.Remove(ConcordExtension.Id);
            if (extensions.Count == 0)
            {
                copy.Remove("extensions");
            }
        }

        return copy;
    }
}

public sealed class SqliteOasisRoundTripContractTests(SqliteFixture fixture)
    : OasisRoundTripContractTests(fixture), IClassFixture<SqliteFixture>;

[RequiresPostgres]
public sealed class PostgresOasisRoundTripContractTests(PostgresFixture<PostgresOasisRoundTripContractTests> fixture)
    : OasisRoundTripContractTests(fixture), IClassFixture<PostgresFixture<PostgresOasisRoundTripContractTests>>;
