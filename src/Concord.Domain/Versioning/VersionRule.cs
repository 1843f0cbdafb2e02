using Concord.Domain.Releasability;
using Concord.Domain.Stix;

namespace Concord.Domain.Versioning;

/// <summary>
/// Decides what an incoming version means given what is held: versions are (id, modified); only the
/// originator makes new versions of an object, though another party may hold its own copy of a version whose
/// content is identical (public reporting, the OASIS examples, ATT&amp;CK: the same objects reach several
/// services); the same version arriving twice is harmless when identical and a conflict otherwise; nothing
/// follows a revocation. Observables, marking definitions and extension definitions are shared vocabulary:
/// each party holds its own copy, so these are compared per originator only.
/// </summary>
public static class VersionRule
{
    /// <summary>True for types each party holds its own copy of (same id, several originators).</summary>
    public static bool IsSharedType(string type) =>
        StixTypes.CategoryOf(type) == StixCategory.Observable || type is "marking-definition" or "extension-definition";

    /// <summary>Decides the verdict for one incoming version.</summary>
    public static VersionVerdict Decide(IEnumerable<ExistingVersion> existing, string type, PartyId importer, long version, ReadOnlySpan<byte> digest)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var shared = IsSharedType(type);
        var verdict = VersionVerdict.Insert;
        var othersHold = false;
        var copiesAnother = false;
        foreach (var held in existing)
        {
            if (held.Originator != importer)
            {
                if (!shared)
                {
                    othersHold = true;
                    copiesAnother |= held.Version == version && VersionDigest.SameContent(held.Digest.Span, digest);
                }

                continue;
            }

            if (held.Version == version)
            {
                verdict = held.Digest.Span.SequenceEqual(digest) ? VersionVerdict.Unchanged : VersionVerdict.Conflict;
            }
            else if (held.Revoked && held.Version < version && verdict == VersionVerdict.Insert)
            {
                verdict = VersionVerdict.AfterRevocation;
            }
        }

        return othersHold && !copiesAnother ? VersionVerdict.NotOriginator : verdict;
    }

    /// <summary>The sentence that explains a refusal to the importing party.</summary>
    public static string Explain(VersionVerdict verdict) => verdict switch
    {
        VersionVerdict.Conflict => "a different version with the same id and modified time is already held",
        VersionVerdict.NotOriginator => "this id is not available to this party: only an object's originator makes new versions",
        VersionVerdict.AfterRevocation => "the object was revoked; STIX allows no later version",
        _ => string.Empty,
    };
}
