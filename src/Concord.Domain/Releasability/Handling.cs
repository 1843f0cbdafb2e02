using System.Diagnostics.CodeAnalysis;

namespace Concord.Domain.Releasability;

/// <summary>
/// The caveats on a version with the words that go with them: the purpose an H0 item may be used for, and
/// the restriction an H3 item carries.
/// </summary>
public sealed record Handling
{
    /// <summary>No caveats.</summary>
    public static readonly Handling None = new(Caveats.None, null, null);

    private Handling(Caveats caveats, string? purpose, string? restriction)
    {
        Caveats = caveats;
        Purpose = purpose;
        Restriction = restriction;
    }

    /// <summary>The caveats.</summary>
    public Caveats Caveats { get; }

    /// <summary>The stated purpose (required with H0).</summary>
    public string? Purpose { get; }

    /// <summary>The stated restriction (required with H3).</summary>
    public string? Restriction { get; }

    /// <summary>True when the caveats forbid a recipient from passing the item on.</summary>
    public bool ForbidsOnwardRelease => (Caveats & (Caveats.Orcon | Caveats.NoOnwardSharing)) != 0;

    /// <summary>Creates handling, or returns the reason it is inconsistent.</summary>
    public static bool TryCreate(Caveats caveats, string? purpose, string? restriction, [NotNullWhen(true)] out Handling? handling, [NotNullWhen(false)] out string? error)
    {
        handling = null;
        purpose = string.IsNullOrWhiteSpace(purpose) ? null : purpose.Trim();
        restriction = string.IsNullOrWhiteSpace(restriction) ? null : restriction.Trim();
        if (caveats.HasFlag(Caveats.PurposeOnly) && purpose is null)
        {
            error = "caveat H0 needs a stated purpose";
            return false;
        }

        if (caveats.HasFlag(Caveats.OtherRestriction) && restriction is null)
        {
            error = "caveat H3 needs the restriction in words";
            return false;
        }

        if (purpose is { Length: > 500 } || restriction is { Length: > 500 })
        {
            error = "purpose and restriction are limited to 500 characters";
            return false;
        }

        // Words for people: no control characters, which also keeps them from forging the separators of
        // the version digest.
        if ((purpose?.Any(char.IsControl) ?? false) || (restriction?.Any(char.IsControl) ?? false))
        {
            error = "purpose and restriction may not contain control characters";
            return false;
        }

        error = null;
        handling = caveats == Caveats.None && purpose is null && restriction is null ? None : new Handling(caveats, purpose, restriction);
        return true;
    }

    /// <summary>The code of one caveat as written in JSON and on the command line.</summary>
    public static string CodeOf(Caveats caveat) => caveat switch
    {
        Caveats.Orcon => "ORCON",
        Caveats.PurposeOnly => "H0",
        Caveats.NoCourtUse => "H1",
        Caveats.NoOnwardSharing => "H2",
        Caveats.OtherRestriction => "H3",
        _ => throw new ArgumentOutOfRangeException(nameof(caveat)),
    };

    /// <summary>Parses one caveat code (<c>ORCON</c>, <c>H0</c>–<c>H3</c>, any case).</summary>
    public static bool TryParseCode(string? code, out Caveats caveat)
    {
        caveat = code?.Trim().ToUpperInvariant() switch
        {
            "ORCON" => Caveats.Orcon,
            "H0" => Caveats.PurposeOnly,
            "H1" => Caveats.NoCourtUse,
            "H2" => Caveats.NoOnwardSharing,
            "H3" => Caveats.OtherRestriction,
            _ => Caveats.None,
        };
        return caveat != Caveats.None;
    }

    /// <summary>The codes of the caveats set, in a fixed order.</summary>
    public IEnumerable<string> Codes()
    {
        foreach (var c in new[] { Caveats.Orcon, Caveats.PurposeOnly, Caveats.NoCourtUse, Caveats.NoOnwardSharing, Caveats.OtherRestriction })
        {
            if (Caveats.HasFlag(c))
            {
                yield return CodeOf(c);
            }
        }
    }

    /// <summary>The caveats in plain words, for people.</summary>
    public IEnumerable<string> Describe()
    {
        if (Caveats.HasFlag(Caveats.Orcon))
        {
            yield return "ORCON: no onward release without the originator's consent";
        }

        if (Caveats.HasFlag(Caveats.PurposeOnly))
        {
            yield return $"H0: use only for the stated purpose ({Purpose})";
        }

        if (Caveats.HasFlag(Caveats.NoCourtUse))
        {
            yield return "H1: not to be used in court without the originator's permission";
        }

        if (Caveats.HasFlag(Caveats.NoOnwardSharing))
        {
            yield return "H2: no onward sharing";
        }

        if (Caveats.HasFlag(Caveats.OtherRestriction))
        {
            yield return $"H3: {Restriction}";
        }
    }
}
