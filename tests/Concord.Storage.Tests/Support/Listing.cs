using Concord.Domain.Releasability;
using Concord.Storage.Objects;

namespace Concord.Storage.Tests.Support;

/// <summary>Reads every page of a listing by following its cursor.</summary>
public static class Listing
{
    public static async Task<List<StoredVersion>> AllPagesAsync(IObjectStore objects, Reader reader, ObjectQuery query)
    {
        var items = new List<StoredVersion>();
        var page = query;
        for (var guard = 0; guard < 10_000; guard++)
        {
            var result = await objects.ListAsync(reader, page, CancellationToken.None);
            Assert.True(result.Items.Count <= Math.Clamp(query.Limit, 1, ObjectQuery.MaxLimit), "a page holds more than its limit");
            items.AddRange(result.Items);
            if (result.Next is not { } next)
            {
                return items;
            }

            Assert.NotEmpty(result.Items);
            page = page with { After = next };
        }

        throw new InvalidOperationException("the cursor never reached the end");
    }
}
