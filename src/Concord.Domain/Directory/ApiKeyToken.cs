using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Concord.Domain.Directory;

/// <summary>
/// An API key as handed to a member once: <c>concord_&lt;key id&gt;_&lt;secret&gt;</c>. The key id (16 hex
/// digits) finds the stored record; only a SHA-256 hash of the whole token is stored, and a presented token
/// is checked against it in constant time. The secret carries 256 random bits, so a fast hash is enough.
/// </summary>
public sealed class ApiKeyToken
{
    private const string Prefix = "concord_";

    private ApiKeyToken(string keyId, string token)
    {
        KeyId = keyId;
        Token = token;
    }

    /// <summary>The public part that names the key.</summary>
    public string KeyId { get; }

    /// <summary>The whole token; shown once, never stored or logged.</summary>
    public string Token { get; }

    /// <summary>Generates a fresh key.</summary>
    public static ApiKeyToken Generate()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return new ApiKeyToken(keyId, $"{Prefix}{keyId}_{secret}");
    }

    /// <summary>Splits a presented token; false when it does not have the shape of a Concord key.</summary>
    public static bool TryParse([NotNullWhen(true)] string? token, [NotNullWhen(true)] out ApiKeyToken? parsed)
    {
        parsed = null;
        if (token is null || token.Length != Prefix.Length + 16 + 1 + 43 || !token.StartsWith(Prefix, StringComparison.Ordinal) || token[Prefix.Length + 16] != '_')
        {
            return false;
        }

        var keyId = token.Substring(Prefix.Length, 16);
        foreach (var c in keyId)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        foreach (var c in token.AsSpan(Prefix.Length + 17))
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
            {
                return false;
            }
        }

        parsed = new ApiKeyToken(keyId, token);
        return true;
    }

    /// <summary>The hash to store.</summary>
    public byte[] Hash() => SHA256.HashData(Encoding.UTF8.GetBytes(Token));

    /// <summary>True when this token hashes to <paramref name="storedHash"/>; the comparison takes the same time whatever the bytes.</summary>
    public bool Matches(ReadOnlySpan<byte> storedHash) => CryptographicOperations.FixedTimeEquals(Hash(), storedHash);

    /// <summary>Never prints the secret.</summary>
    public override string ToString() => $"{Prefix}{KeyId}_…";

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
