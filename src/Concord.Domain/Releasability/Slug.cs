namespace Concord.Domain.Releasability;

/// <summary>The shape shared by party and channel ids: 2–64 lower-case ASCII letters, digits and hyphens, starting with a letter or digit.</summary>
internal static class Slug
{
    public static bool IsValid(string? text)
    {
        if (text is null || text.Length is < 2 or > 64 || text[0] == '-' || text[^1] == '-')
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
