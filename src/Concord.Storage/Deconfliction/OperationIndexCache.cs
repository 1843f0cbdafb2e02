using System.Text.Json;
using Concord.Domain.Deconfliction;

namespace Concord.Storage.Deconfliction;

/// <summary>
/// A store instance's <see cref="OperationIndex"/> of active operations and the last change it has seen. It is
/// only touched inside the store's serialised transaction: first caught up with versions others stored (another
/// process, another node on the same database), then consulted, then — after commit — given the new version.
/// </summary>
public sealed class OperationIndexCache
{
    private static readonly DeconflictionLimits Stored = new() { MaxReachMetres = double.MaxValue, MaxSpan = TimeSpan.MaxValue / 4, MaxMargin = TimeSpan.MaxValue / 8, MaxVertices = int.MaxValue };

    /// <summary>The index.</summary>
    public OperationIndex Index { get; } = new();

    /// <summary>The last change applied.</summary>
    public long Seen { get; private set; }

    /// <summary>Applies every version stored since the last one seen.</summary>
    public async Task CatchUpAsync(IOperationTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        foreach (var row in await transaction.VersionsAfterAsync(Seen))
        {
            Apply(row.Seq, ToVersion(row));
        }
    }

    /// <summary>Applies one version stored at <paramref name="seq"/>.</summary>
    public void Apply(long seq, OperationVersion version)
    {
        Index.Apply(version);
        Seen = Math.Max(Seen, seq);
    }

    /// <summary>The domain version of a stored row (its plan was valid when stored, so it is read without the node's current limits).</summary>
    public static OperationVersion ToVersion(OperationRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        using var document = JsonDocument.Parse(row.Plan);
        if (!OperationPlanParser.TryParse(document.RootElement, Stored, null, out var plan, out var errors))
        {
            throw new InvalidDataException($"stored operation {row.Id} version {row.Version} does not parse: {string.Join("; ", errors)}");
        }

        return new OperationVersion(row.Id, row.Version, row.Party, row.RecordedBy, row.Recorded, row.Status, plan!);
    }
}
