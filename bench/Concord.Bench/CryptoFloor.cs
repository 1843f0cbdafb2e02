using System.Diagnostics;
using System.Text;
using Concord.Domain.Federation;
using Concord.Domain.Releasability;

namespace Concord.Bench;

/// <summary>
/// The cryptographic floor of a sync: N Ed25519 signatures (what node A makes, one per version) and N verifications
/// (what node B checks), of messages built exactly as <see cref="VersionSignature"/> builds them from generated
/// objects, on one thread and on all cores.
/// </summary>
internal static class CryptoFloor
{
    private const int Distinct = 1000;

    public static CryptoTimes Run(int n)
    {
        var jsons = Enumerable.Range(0, Distinct).Select(i =>
        {
            var sb = new StringBuilder(1024);
            BundleGenerator.Object(sb, i, seed: 7);
            return Encoding.UTF8.GetBytes(sb.ToString());
        }).ToArray();
        var grading = Grading.Parse("B2");
        var (key, _) = NodeKey.Generate();
        using (key)
        {
            // Also the warm-up: libsodium initialised, both paths compiled.
            var signatures = jsons.Select(j => VersionSignature.Sign(key, j, ImportRun.Party, Handling.None, grading)).ToArray();
            Parallel.For(0, Distinct, i => VersionSignature.Verify(key.PublicKey, signatures[i], jsons[i], ImportRun.Party, Handling.None, grading));
            var signOne = Time(() =>
            {
                for (var i = 0; i < n; i++)
                {
                    VersionSignature.Sign(key, jsons[i % Distinct], ImportRun.Party, Handling.None, grading);
                }
            });
            var signAll = Time(() => Parallel.For(0, n, i => VersionSignature.Sign(key, jsons[i % Distinct], ImportRun.Party, Handling.None, grading)));
            var bad = 0;
            var verifyOne = Time(() =>
            {
                for (var i = 0; i < n; i++)
                {
                    bad += VersionSignature.Verify(key.PublicKey, signatures[i % Distinct], jsons[i % Distinct], ImportRun.Party, Handling.None, grading) ? 0 : 1;
                }
            });
            var verifyAll = Time(() => Parallel.For(0, n, i =>
            {
                if (!VersionSignature.Verify(key.PublicKey, signatures[i % Distinct], jsons[i % Distinct], ImportRun.Party, Handling.None, grading))
                {
                    Interlocked.Increment(ref bad);
                }
            }));
            return bad == 0 ? new CryptoTimes(signOne, signAll, verifyOne, verifyAll) : throw new InvalidOperationException($"{bad} signatures did not verify");
        }
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }
}

/// <summary>Seconds for N signatures and N verifications, on one thread and on all cores.</summary>
internal sealed record CryptoTimes(double SignOne, double SignAll, double VerifyOne, double VerifyAll);
