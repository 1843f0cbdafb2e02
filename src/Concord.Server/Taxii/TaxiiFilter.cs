using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Concord.Domain.Stix;
using Concord.Server.Objects;
using Concord.Storage.Objects;
using Microsoft.AspNetCore.Http;

namespace Concord.Server.Taxii;

/// <summary>
/// The TAXII 2.1 query parameters of an objects, manifest or versions request: <c>added_after</c>, <c>limit</c>,
/// <c>next</c>, <c>match[id]</c>, <c>match[type]</c>, <c>match[version]</c> and <c>match[spec_version]</c>. Each
/// narrows what the reader may read; none widens it.
/// </summary>
internal sealed class TaxiiFilter
{
    public const string Last = "last";
    public const string All = "all";
    private const string Selected = "selected";
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    private readonly HashSet<long> _timestamps = [];
    private bool _first;
    private bool _last;

    /// <summary>Only these objects (empty: any).</summary>
    public List<StixId> Ids { get; } = [];

    /// <summary>Only these types (empty: any).</summary>
    public HashSet<string> Types { get; } = new(StringComparer.Ordinal);

    /// <summary><see cref="Last"/>, <see cref="All"/>, or a selection of first, last and given versions.</summary>
    public string Version { get; private set; } = Last;

    /// <summary>Only versions stored after this instant (ticks).</summary>
    public long? AddedAfter { get; private set; }

    /// <summary>Resume after this store key (from <c>next</c>).</summary>
    public long? After { get; private set; }

    /// <summary>The <c>next</c> text as given.</summary>
    public string? NextText { get; private set; }

    /// <summary>Page size.</summary>
    public int Limit { get; private set; } = DefaultLimit;

    /// <summary>True when <c>match[spec_version]</c> excludes 2.1, the only version held: the answer is empty.</summary>
    public bool Nothing { get; private set; }

    public static bool TryParse(IQueryCollection query, string? objectId, bool versionsEndpoint, Cursor cursor, [NotNullWhen(true)] out TaxiiFilter? filter, [NotNullWhen(false)] out string? error)
    {
        var f = new TaxiiFilter { Version = versionsEndpoint ? All : Last };
        filter = null;
        if (objectId is not null)
        {
            if (!StixId.TryParse(objectId, out var id))
            {
                error = $"'{Clip(objectId)}' is not a STIX identifier (type--UUID)";
                return false;
            }

            f.Ids.Add(id);
        }

        foreach (var (name, values) in query)
        {
            var value = values.ToString();
            switch (name)
            {
                case "added_after":
                    if (!StixTimestamp.TryParse(value, out var t))
                    {
                        error = $"added_after: '{Clip(value)}' is not a timestamp such as 2026-03-22T18:00:00.000Z";
                        return false;
                    }

                    // date_added is published to the microsecond but stored to 100 ns: "after" a published instant means
                    // after every tick of that microsecond, or a client resuming from X-TAXII-Date-Added-Last gets the
                    // last versions again.
                    f.AddedAfter = t.Ticks - (t.Ticks % TicksPerMicrosecond) + TicksPerMicrosecond - 1;
                    break;
                case "limit":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit < 1)
                    {
                        error = $"limit: '{Clip(value)}' is not a positive whole number";
                        return false;
                    }

                    f.Limit = Math.Min(limit, MaxLimit);
                    break;
                case "next":
                    if (!cursor.TryOpen(value, out var after))
                    {
                        error = "next: not a value this server handed out";
                        return false;
                    }

                    f.After = after;
                    f.NextText = value;
                    break;
                case "match[id]":
                    foreach (var item in Split(values))
                    {
                        if (!StixId.TryParse(item, out var id))
                        {
                            error = $"match[id]: '{Clip(item)}' is not a STIX identifier";
                            return false;
                        }

                        if (objectId is null)
                        {
                            f.Ids.Add(id);
                        }
                    }

                    break;
                case "match[type]":
                    foreach (var item in Split(values))
                    {
                        f.Types.Add(item);
                    }

                    break;
                case "match[version]":
                    if (!f.ParseVersions(values, out error))
                    {
                        return false;
                    }

                    break;
                case "match[spec_version]":
                    f.Nothing |= !Split(values).Contains("2.1");
                    break;
                default:
                    if (name.StartsWith("match[", StringComparison.Ordinal))
                    {
                        error = $"{Clip(name)}: not a filter this server supports (id, type, version, spec_version)";
                        return false;
                    }

                    break;
            }
        }

        filter = f;
        error = null;
        return true;
    }

    private bool ParseVersions(Microsoft.Extensions.Primitives.StringValues values, [NotNullWhen(false)] out string? error)
    {
        var all = false;
        foreach (var item in Split(values))
        {
            switch (item)
            {
                case All: all = true; break;
                case Last: _last = true; break;
                case "first": _first = true; break;
                default:
                    if (!StixTimestamp.TryParse(item, out var t))
                    {
                        error = $"match[version]: '{Clip(item)}' is not last, first, all or a timestamp";
                        return false;
                    }

                    _timestamps.Add(t.Ticks);
                    break;
            }
        }

        Version = all ? All : _first || _timestamps.Count > 0 ? Selected : Last;
        error = null;
        return true;
    }

    /// <summary>Of one object's readable versions (oldest first), those the version filter selects.</summary>
    public IEnumerable<StoredVersion> Select(IReadOnlyList<StoredVersion> versions)
    {
        if (Nothing || versions.Count == 0)
        {
            return [];
        }

        var typed = Types.Count == 0 || Types.Contains(versions[0].Type);
        if (!typed)
        {
            return [];
        }

        var added = versions.Where(v => AddedAfter is not { } a || v.Added.UtcTicks > a).ToList();
        return Version switch
        {
            All => added,
            Last => added.Count > 0 && added[^1] == versions[^1] ? [versions[^1]] : [],
            _ => added.Where(v => (_first && v == versions[0]) || (_last && v == versions[^1]) || _timestamps.Contains(v.Version.Ticks)),
        };
    }

    /// <summary>Of a page of versions from the feed, those the version selection keeps (looking up each object's versions).</summary>
    public async Task<List<StoredVersion>> SelectAsync(List<StoredVersion> page, Func<StixId, Task<IReadOnlyList<StoredVersion>>> versionsOf)
    {
        var kept = new List<StoredVersion>();
        var cache = new Dictionary<StixId, HashSet<long>>();
        foreach (var v in page)
        {
            if (!cache.TryGetValue(v.Id, out var selected))
            {
                selected = Select(await versionsOf(v.Id)).Select(s => s.Pk).ToHashSet();
                cache[v.Id] = selected;
            }

            if (selected.Contains(v.Pk))
            {
                kept.Add(v);
            }
        }

        return kept;
    }

    /// <summary>A TAXII timestamp with microseconds.</summary>
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static IEnumerable<string> Split(Microsoft.Extensions.Primitives.StringValues values) =>
        values.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Clip(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
