using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Concord.Server.Objects;

/// <summary>The opaque paging cursor: a store sequence number in base64url.</summary>
internal static class Cursor
{
    public static string Format(long after) => Base64Url.EncodeToString(System.Text.Encoding.ASCII.GetBytes(after.ToString(CultureInfo.InvariantCulture)));

    public static bool TryParse([NotNullWhen(true)] string? text, out long after)
    {
        after = 0;
        if (text is null || text.Length > 32)
        {
            return false;
        }

        try
        {
            var raw = System.Text.Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text));
            return long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out after) && after >= 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
