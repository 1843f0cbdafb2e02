using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Concord.Domain.Stix;

/// <summary>The value formats of the ipv4-addr, ipv6-addr and mac-addr observables.</summary>
internal static class StixAddresses
{
    public static bool IsValid(string type, string value) => type switch
    {
        "ipv4-addr" => IsIpv4(value),
        "ipv6-addr" => IsIpv6(value),
        _ => IsMac(value),
    };

    private static bool IsIpv4(string value)
    {
        var (address, prefix) = Split(value);
        var parts = address.Split('.');
        return parts.Length == 4 && parts.All(IsOctet) && PrefixWithin(prefix, 32);
    }

    private static bool IsOctet(string part) =>
        part.Length is >= 1 and <= 3 && part.All(char.IsAsciiDigit) && (part.Length == 1 || part[0] != '0')
        && int.Parse(part, CultureInfo.InvariantCulture) <= 255;

    private static bool IsIpv6(string value)
    {
        var (address, prefix) = Split(value);
        return address.Contains(':', StringComparison.Ordinal) && !address.Contains('%', StringComparison.Ordinal)
            && IPAddress.TryParse(address, out var parsed) && parsed.AddressFamily == AddressFamily.InterNetworkV6
            && PrefixWithin(prefix, 128);
    }

    private static bool IsMac(string value)
    {
        if (value.Length != 17)
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var ok = i % 3 == 2 ? value[i] == ':' : value[i] is (>= '0' and <= '9') or (>= 'a' and <= 'f');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static (string Address, string? Prefix) Split(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (value, null) : (value[..slash], value[(slash + 1)..]);
    }

    private static bool PrefixWithin(string? prefix, int max) =>
        prefix is null
        || (prefix.Length is >= 1 and <= 3 && prefix.All(char.IsAsciiDigit) && int.Parse(prefix, CultureInfo.InvariantCulture) <= max);
}
