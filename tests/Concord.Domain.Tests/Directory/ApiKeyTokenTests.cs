using System.Reflection;
using System.Reflection.Emit;
using System.Security.Cryptography;
using Concord.Domain.Directory;

namespace Concord.Domain.Tests.Directory;

public sealed class ApiKeyTokenTests
{
    private const string WellFormed = "concord_0123456789abcdef_q3Vx8LmN2pR7sT1uW9yZ0aB4cD6eF8gH0iJ2kL4mN6o";

    [Fact]
    public void A_well_formed_token_parses_to_its_key_id()
    {
        Assert.True(ApiKeyToken.TryParse(WellFormed, out var parsed));
        Assert.Equal("0123456789abcdef", parsed.KeyId);
    }

    [Fact]
    public void A_generated_token_parses_back_to_the_same_key()
    {
        for (var i = 0; i < 200; i++)
        {
            var token = ApiKeyToken.Generate();

            Assert.True(ApiKeyToken.TryParse(token.Token, out var parsed));
            Assert.Equal(token.KeyId, parsed.KeyId);
            Assert.Equal(token.Token, parsed.Token);
            Assert.Equal(token.Hash(), parsed.Hash());
            Assert.Matches("^concord_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$", token.Token);
        }
    }

    [Fact]
    public void Two_generated_tokens_differ()
    {
        Assert.NotEqual(ApiKeyToken.Generate().Token, ApiKeyToken.Generate().Token);
    }

    [Fact]
    public void A_token_matches_its_own_hash_and_no_other()
    {
        var token = ApiKeyToken.Generate();
        var other = ApiKeyToken.Generate();
        var hash = token.Hash();
        var altered = (byte[])hash.Clone();
        altered[^1] ^= 1;

        Assert.True(token.Matches(hash));
        Assert.False(token.Matches(other.Hash()));
        Assert.False(token.Matches(altered));
        Assert.False(token.Matches(hash.AsSpan(0, 16)));
        Assert.False(token.Matches([]));
    }

    [Fact]
    public void Matching_compares_hashes_with_the_fixed_time_api()
    {
        var calls = CalledMethods(typeof(ApiKeyToken).GetMethod(nameof(ApiKeyToken.Matches))!);

        Assert.Contains(calls, m => m.DeclaringType == typeof(CryptographicOperations) && m.Name == nameof(CryptographicOperations.FixedTimeEquals));
        Assert.DoesNotContain(calls, m => m.Name is "SequenceEqual" or "Equals");
    }

    [Fact]
    public void The_printed_token_hides_the_secret()
    {
        var token = ApiKeyToken.Generate();
        var secret = token.Token["concord_".Length..][(token.KeyId.Length + 1)..];

        var printed = token.ToString();

        Assert.DoesNotContain(secret, printed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[..8], printed, StringComparison.Ordinal);
        Assert.Contains(token.KeyId, printed, StringComparison.Ordinal);
        Assert.Equal($"concord_{token.KeyId}_…", printed);
    }

    public static TheoryData<string?> Malformed()
    {
        const string good = WellFormed;
        return new TheoryData<string?>
        {
            null,
            string.Empty,
            good[..^1],
            good + "A",
            "Concord" + good[7..],
            "concord-" + good[8..],
            good[..8] + good[8..24].ToUpperInvariant().Replace('0', 'A') + good[24..],
            good[..8] + "0123456789abcdeg" + good[24..],
            good[..24] + "-" + good[25..],
            good[..^1] + "!",
            good[..^1] + "=",
            good[..^1] + "+",
            good[..^1] + "/",
            good[..30] + " " + good[31..],
        };
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Text_that_is_not_a_concord_key_is_refused(string? text)
    {
        Assert.False(ApiKeyToken.TryParse(text, out var parsed));
        Assert.Null(parsed);
    }

    private static List<MethodBase> CalledMethods(MethodInfo method)
    {
        var il = method.GetMethodBody()!.GetILAsByteArray()!;
        var calls = new List<MethodBase>();
        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] != OpCodes.Call.Value && il[i] != OpCodes.Callvirt.Value)
            {
                continue;
            }

            try
            {
                if (method.Module.ResolveMethod(BitConverter.ToInt32(il, i + 1)) is { } called)
                {
                    calls.Add(called);
                }
            }
            catch (ArgumentException)
            {
                // A byte that merely looks like a call opcode inside another instruction's operand.
            }
        }

        return calls;
    }
}
