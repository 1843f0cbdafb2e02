namespace Concord.Domain.Stix;

/// <summary>
/// One valid STIX object version as Concord holds it: the facts it needs for storing, ordering, searching
/// and releasing, plus the object's JSON exactly as it came — minified, every unknown property and foreign
/// extension kept — with only Concord's own extension taken out (it is stored apart and written per reader).
/// </summary>
public sealed class StixObject
{
    internal StixObject(
        StixId id,
        StixCategory category,
        StixTimestamp? created,
        StixTimestamp? modified,
        bool revoked,
        string? createdByRef,
        TlpLevel? tlp,
        string searchText,
        ReadOnlyMemory<byte> json,
        ConcordProperties concord)
    {
        Id = id;
        Category = category;
        Created = created;
        Modified = modified;
        Revoked = revoked;
        CreatedByRef = createdByRef;
        Tlp = tlp;
        SearchText = searchText;
        Json = json;
        Concord = concord;
    }

    /// <summary>The object's id.</summary>
    public StixId Id { get; }

    /// <summary>The object's type.</summary>
    public string Type => Id.Type;

    /// <summary>SDO, SRO, SCO, meta or custom.</summary>
    public StixCategory Category { get; }

    /// <summary>When the first version was created (absent on observables).</summary>
    public StixTimestamp? Created { get; }

    /// <summary>When this version was made (absent on observables and marking definitions).</summary>
    public StixTimestamp? Modified { get; }

    /// <summary>
    /// The version key: <c>modified</c>, else <c>created</c> (marking definitions), else the zero instant
    /// (observables, which STIX does not version).
    /// </summary>
    public StixTimestamp Version => Modified ?? Created ?? StixTimestamp.FromTicks(0);

    /// <summary>True when this version revokes the object.</summary>
    public bool Revoked { get; }

    /// <summary>The <c>created_by_ref</c>, if any.</summary>
    public string? CreatedByRef { get; }

    /// <summary>The TLP level from the object's marking refs, or null when unmarked.</summary>
    public TlpLevel? Tlp { get; }

    /// <summary>Names, aliases, descriptions and values joined for full-text search.</summary>
    public string SearchText { get; }

    /// <summary>The object's JSON (UTF-8, minified, without Concord's extension).</summary>
    public ReadOnlyMemory<byte> Json { get; }

    /// <summary>Concord's properties as the input carried them.</summary>
    public ConcordProperties Concord { get; }
}
