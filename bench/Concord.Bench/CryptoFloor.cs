using System.Diagnostics;
using System.Text;
using Concord.Domain.Federation;
using Concord.Domain.Releasability;

namespace Concord.Bench;

/// <summary>
/// The cryptography of a sync, of messages built exactly as <see cref="VersionSignature"/> builds them from generated
/// objects: N versions signed and verified one Ed25519 signature each on one thread (the cost batching avoids), and
/// signed and verified in batches of 1,000 (Concord pushes pages of 10,000, whose verification is cheaper still; one Ed25519 signature over a Merkle root per batch; each
/// version verified on its own against it, the root's signature checked once), on all cores.
/// </summary>
internal static class CryptoFloor
{
    private const int Distinct = 1000;
    private const int Batch = 1000;

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
            var batches = Enumerable.Range(0, (n + Batch - 1) / Batch).Select(b => Enumerable.Range(b * Batch, Math.Min(Batch, n - (b * Batch)))
                .Select(i => new VersionSignature.Signed(jsons[i % Distinct], ImportRun.Party, Handling.None, grading)).ToList()).ToList();
            byte[][][] batched = [];
            var signAll = Time(() => batched = batches.Select(b => VersionSignature.SignBatch(key, b)).ToArray());
            var bad = 0;
            var verifyOne = Time(() =>
            {
                for (var i = 0; i < n; i++)
                {
                    bad += VersionSignature.Verify(key.PublicKey, signatures[i % Distinct], jsons[i % Distinct], ImportRun.Party, Handling.None, grading) ? 0 : 1;
                }
            });
            var verifyAll = Time(() =>
            {
                for (var b = 0; b < batches.Count; b++)
                {
                    var verifier = new VersionSignature.Verifier();
                    var (batch, signed) = (batches[b], batched[b]);
                    Parallel.For(0, batch.Count, i =>
                    {
                        if (!verifier.Verify(key.PublicKey, signed[i], batch[i].Json.Span, ImportRun.Party, Handling.None, grading))
                        {
                            Interlocked.Increment(ref bad);
                        }
                    });
                }
            });
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
