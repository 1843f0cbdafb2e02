using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Concord.Domain.Audit;

/// <summary>
/// A point of the audit chain written down outside the node: an entry's sequence number and its hash, as
/// <c>sequence:hex</c>. A hash chain alone cannot tell a chain whose newest entries were cut off from a shorter
/// one; checked against an anchor kept elsewhere (a partner, a ticket, paper), it can.
/// </summary>
public readonly record struct AuditAnchor(long Sequence, byte[] Hash)
{
    /// <summary>Formats as <c>sequence:hex</c>, the form <see cref="TryParse"/> reads.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Sequence}:{Convert.ToHexStringLower(Hash)}");

    /// <summary>Reads <c>sequence:hex</c> (a positive sequence and a 64-digit SHA-256 hash); on failure says what is wrong.</summary>
    public static bool TryParse(string? text, out AuditAnchor anchor, [NotNullWhen(false)] out string? error)
    {
        anchor = default;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon < 0)
        {
            error = "an audit anchor is written sequence:hash, e.g. 1042:9f86d0…, as 'concord audit verify' prints it";
            return false;
        }

        if (!long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1)
        {
            error = $"the anchor's sequence '{text[..colon]}' is not a positive whole number";
            return false;
        }

        var hex = text[(colon + 1)..];
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
        {
            error = $"the anchor's hash '{hex}' is not 64 hexadecimal digits";
            return false;
        }

        anchor = new AuditAnchor(sequence, Convert.FromHexString(hex));
        error = null;
        return true;
    }
}
