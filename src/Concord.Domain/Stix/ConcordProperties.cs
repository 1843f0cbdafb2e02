using Concord.Domain.Releasability;

namespace Concord.Domain.Stix;

/// <summary>
/// Concord's own properties of an object version, carried in the Concord property extension: the release
/// the originator chose, the handling caveats and the Admiralty grading. Absent parts are null.
/// </summary>
/// <param name="Release">Channels and parties the version is released to, or null when the input names none.</param>
/// <param name="Handling">Caveats with their purpose and restriction words.</param>
/// <param name="Grading">The Admiralty grading, or null.</param>
public sealed record ConcordProperties(Release? Release, Handling Handling, Grading? Grading)
{
    /// <summary>No Concord properties.</summary>
    public static readonly ConcordProperties Empty = new(null, Handling.None, null);
}
