using Concord.Domain.Releasability;
using Concord.Domain.Stix;

namespace Concord.Storage.Objects;

/// <summary>
/// The columns of a stored version as every backend reads them, turned into a <see cref="StoredVersion"/> once
/// its release rows are known. Release rows are (kind, target): kind 0 a party, kind 1 a channel.
/// </summary>
internal sealed record VersionRow(
    long Pk,
    string ObjectId,
    long Version,
    string Originator,
    bool Revoked,
    int? Tlp,
    int Caveats,
    string? Purpose,
    string? Restriction,
    string? Grading,
    long Added,
    byte[] Json)
{
    public const int PartyKind = 0;
    public const int ChannelKind = 1;

    /// <summary>The comma-separated column list, in constructor order, for a version row aliased <paramref name="alias"/>.</summary>
    public static string Columns(string alias) => string.Join(", ", ColumnNames.Select(c => $"{alias}.{c}"));

    private static readonly string[] ColumnNames = ["pk", "object_id", "version", "originator", "revoked", "tlp", "caveats", "purpose", "restriction", "grading", "added", "json"];

    public StoredVersion ToStored(IEnumerable<(int Kind, string Target)> release)
    {
        var parties = new List<PartyId>();
        var channels = new List<ChannelId>();
        foreach (var (kind, target) in release)
        {
            if (kind == PartyKind)
            {
                parties.Add(PartyId.Parse(target));
            }
            else
            {
                channels.Add(ChannelId.Parse(target));
            }
        }

        if (!Handling.TryCreate((Caveats)Caveats, Purpose, Restriction, out var handling, out _))
        {
            handling = Handling.None;
        }

        var distribution = new Distribution(PartyId.Parse(Originator), new Release(parties, channels), Tlp is { } t ? (TlpLevel)t : null, handling);
        Grading? grading = Domain.Releasability.Grading.TryParse(Grading, out var g) ? g : null;
        return new StoredVersion(Pk, StixId.Parse(ObjectId), StixTimestamp.FromTicks(Version), Revoked, distribution, grading, new DateTimeOffset(Added, TimeSpan.Zero), Json);
    }
}
