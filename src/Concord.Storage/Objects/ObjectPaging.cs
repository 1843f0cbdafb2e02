using System.Runtime.CompilerServices;
using Concord.Domain.Releasability;

namespace Concord.Storage.Objects;

/// <summary>The paging every backend shares: a page from one row too many, and export as a walk over pages.</summary>
internal static class ObjectPaging
{
    /// <summary>The page size a query asks for, within bounds.</summary>
    public static int LimitOf(ObjectQuery query) => Math.Clamp(query.Limit, 1, ObjectQuery.MaxLimit);

    /// <summary>True when the query names a channel the reader is not in: nothing can match, and nothing is asked.</summary>
    public static bool NamesForeignChannel(Reader reader, ObjectQuery query) =>
        query.Channel is { } channel && !reader.Channels.Contains(channel);

    /// <summary>A page from rows read with a limit one greater than <paramref name="limit"/>.</summary>
    public static ObjectPage PageOf(IReadOnlyList<StoredVersion> items, int limit)
    {
        if (items.Count <= limit)
        {
            return new ObjectPage(items, null);
        }

        var page = items.Take(limit).ToList();
        return new ObjectPage(page, page[^1].Pk);
    }

    /// <summary>Every version a listing yields, page after page.</summary>
    public static async IAsyncEnumerable<StoredVersion> ExportAsync(
        Func<ObjectQuery, CancellationToken, Task<ObjectPage>> list, ObjectQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = query with { Limit = ObjectQuery.MaxLimit };
        while (true)
        {
            var result = await list(page, cancellationToken);
            foreach (var item in result.Items)
            {
                yield return item;
            }

            if (result.Next is not { } next)
            {
                yield break;
            }

            page = page with { After = next };
        }
    }
}
