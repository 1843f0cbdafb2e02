using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Concord.Domain.Federation;
using Concord.Domain.Releasability;
using Concord.Domain.Stix;
using Concord.Domain.Tests.Support;

namespace Concord.Domain.Tests.Federation;

public sealed class VersionSignatureTests
{
    private static readonly StixObject[] Stored =
    [
        .. TestData.ExampleObjects().Select(o => StixJson.Validate(o.Object).Object!),
        .. TestData.HandWrittenObjects().Select(o => StixJson.Validate(o.Object).Object!),
    ];

    private static readonly NodeKey Key = NodeKey.Generate().Key;
    private static readonly NodeKey Other = NodeKey.Generate().Key;

    [Fact]
    public void A_signed_version_rendered_for_any_reader_verifies_at_the_receiver_with_the_same_bytes()
    {
        // The receiver re-derives the signed JSON by validating what it got: the bytes must come out identical,
        // whatever the reader's view of the release and whatever the object carries.
        Gen.Select(Gen.Int[0, Stored.Length - 1], Generators.Reader, Generators.Distribution, Generators.Grading).Sample((i, reader, distribution, grading) =>
        {
            var stored = Stored[i];
            var signature = VersionSignature.Sign(Key, stored.Json.Span, distribution.Originator, distribution.Handling, grading);

            var wire = Render(stored, reader, distribution, grading, signature);
            var received = StixValidator.Validate(Encoding.UTF8.GetBytes(wire)).Object!;

            Assert.True(received.Json.Span.SequenceEqual(stored.Json.Span), stored.Id.ToString());
            Assert.True(VersionSignature.Verify(Key.PublicKey, signature, received.Json.Span, distribution.Originator, received.Concord.Handling, received.Concord.Grading));
        });
    }

    [Fact]
    public void Changing_content_originator_caveats_or_grading_or_the_key_breaks_the_signature()
    {
        Gen.Select(Gen.Int[0, Stored.Length - 1], Generators.Distribution, Generators.Party, Generators.Handling, Generators.Grading).Sample((i, distribution, otherParty, otherHandling, grading) =>
        {
            var json = Stored[i].Json.ToArray();
            var handling = distribution.Handling;
            var originator = distribution.Originator;
            var signature = VersionSignature.Sign(Key, json, originator, handling, grading);
            Assert.True(VersionSignature.Verify(Key.PublicKey, signature, json, originator, handling, grading));

            Assert.False(VersionSignature.Verify(Other.PublicKey, signature, json, originator, handling, grading));
            if (otherParty != originator)
            {
                Assert.False(VersionSignature.Verify(Key.PublicKey, signature, json, otherParty, handling, grading));
            }

            if (otherHandling != handling)
            {
                Assert.False(VersionSignature.Verify(Key.PublicKey, signature, json, originator, otherHandling, grading));
            }

            Assert.False(VersionSignature.Verify(Key.PublicKey, signature, json, originator, handling, grading is null ? Grading.Parse("A1") : null));
            var tampered = (byte[])json.Clone();
            tampered[json.Length / 2] ^= 0x01;
            Assert.False(VersionSignature.Verify(Key.PublicKey, signature, tampered, originator, handling, grading));
            var flipped = (byte[])signature.Clone();
            flipped[0] ^= 0x80;
            Assert.False(VersionSignature.Verify(Key.PublicKey, flipped, json, originator, handling, grading));
            Assert.False(VersionSignature.Verify(Key.PublicKey, signature.AsSpan(0, 63), json, originator, handling, grading));
        });
    }

    [Fact]
    public void Every_version_of_a_signed_batch_verifies_on_its_own_and_only_as_itself()
    {
        Gen.Select(Gen.Int[1, 40], Generators.Distribution, Gen.Int[0, 1000]).Sample((count, distribution, pick) =>
        {
            var batch = Enumerable.Range(0, count).Select(i => new VersionSignature.Signed(Stored[(pick + i) % Stored.Length].Json, distribution.Originator, distribution.Handling, null)).ToList();
            var signatures = VersionSignature.SignBatch(Key, batch);
            var verifier = new VersionSignature.Verifier();
            var i = pick % count;
            var j = (i + 1) % count;
            for (var k = 0; k < count; k++)
            {
                Assert.True(verifier.Verify(Key.PublicKey, signatures[k], batch[k].Json.Span, batch[k].Originator, batch[k].Handling, null));
            }

            // Each forgery fails on a fresh verifier and on the one that has just seen the whole batch verify (and so knows
            // every node of its tree): what it remembers never lets through a signature that would fail elsewhere.
            foreach (var check in new Func<byte[], ReadOnlyMemory<byte>, NodePublicKey, bool>[]
            {
                (signature, json, key) => VersionSignature.Verify(key, signature, json.Span, batch[i].Originator, batch[i].Handling, null),
                (signature, json, key) => verifier.Verify(key, signature, json.Span, batch[i].Originator, batch[i].Handling, null),
            })
            {
                if (!batch[i].Json.Span.SequenceEqual(batch[j].Json.Span))
                {
                    Assert.False(check(signatures[i], batch[j].Json, Key.PublicKey));
                }

                Assert.False(check(signatures[i], batch[i].Json, Other.PublicKey));
                if (signatures[i].Length > 72)
                {
                    for (var at = 72; at < signatures[i].Length; at += 32)
                    {
                        var path = (byte[])signatures[i].Clone();
                        path[at] ^= 0x01;
                        Assert.False(check(path, batch[i].Json, Key.PublicKey));
                    }

                    var moved = (byte[])signatures[i].Clone();
                    moved[67] ^= 0x01;
                    Assert.False(check(moved, batch[i].Json, Key.PublicKey));
                    Assert.False(check(signatures[i].AsSpan(0, signatures[i].Length - 32).ToArray(), batch[i].Json, Key.PublicKey));
                }

                Assert.True(check(signatures[i], batch[i].Json, Key.PublicKey));
            }
        });
    }

    [Fact]
    public void A_verifier_that_remembers_a_batch_answers_as_a_fresh_one_in_any_order()
    {
        Gen.Select(Gen.Int[1, 70], Gen.Int[0, 1000], Gen.Int[0, int.MaxValue]).Sample((count, pick, seed) =>
        {
            var handling = Handling.None;
            var originator = PartyId.Parse("ru-fsb");
            var batch = Enumerable.Range(0, count).Select(i => new VersionSignature.Signed(Stored[(pick + i) % Stored.Length].Json, originator, handling, null)).ToList();
            var signatures = VersionSignature.SignBatch(Key, batch);
            var random = new Random(seed);
            var verifier = new VersionSignature.Verifier();

            // Authentic versions and forgeries (a flipped byte anywhere in the path, or another version's content)
            // interleaved at random: the remembering verifier agrees with a fresh one on every answer.
            var cases = new List<(byte[] Signature, ReadOnlyMemory<byte> Json)>();
            for (var k = 0; k < count; k++)
            {
                cases.Add((signatures[k], batch[k].Json));
                var forged = (byte[])signatures[k].Clone();
                forged[forged.Length > 72 ? 72 + random.Next(forged.Length - 72) : random.Next(64)] ^= 0x40;
                cases.Add((forged, batch[k].Json));
                cases.Add((signatures[k], batch[(k + 1) % count].Json));
            }

            foreach (var (signature, json) in cases.OrderBy(_ => random.Next()))
            {
                Assert.Equal(
                    VersionSignature.Verify(Key.PublicKey, signature, json.Span, originator, handling, null),
                    verifier.Verify(Key.PublicKey, signature, json.Span, originator, handling, null));
            }
        });
    }

    [Fact]
    public void A_stored_seed_gives_back_the_same_key_pair()
    {
        var (key, seed) = NodeKey.Generate();
        using (key)
        using (var again = NodeKey.FromSeed(seed))
        {
            Assert.Equal(key.PublicKey, again.PublicKey);
            var message = "concord"u8.ToArray();
            Assert.True(key.PublicKey.Verify(message, again.Sign(message)));
        }
    }

    [Theory]
    [InlineData(null, "starts with 'ed25519:'")]
    [InlineData("npK6rePNQSpaxrwPOGWFI2boQBLky_gqo_ehYjeKHn0", "starts with 'ed25519:'")]
    [InlineData("ed25519:not base64!", "not valid base64url")]
    [InlineData("ed25519:AAAA", "32 bytes, this one is 3")]
    public void A_bad_public_key_is_refused_with_the_reason(string? text, string reason)
    {
        Assert.False(NodePublicKey.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_key_round_trips_through_its_text()
    {
        Assert.True(NodePublicKey.TryParse(Key.PublicKey.ToString(), out var parsed, out _));
        Assert.Equal(Key.PublicKey, parsed);
        Assert.StartsWith("ed25519:", Key.PublicKey.ToString(), StringComparison.Ordinal);
    }

    private static string Render(StixObject stored, Reader reader, Distribution distribution, Grading? grading, byte[] signature)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            StixRendering.Write(writer, stored.Json.Span, reader, distribution, grading, signature);
        }

        var text = Encoding.UTF8.GetString(buffer.ToArray());
        Assert.Equal(Convert.ToBase64String(signature), (string?)JsonNode.Parse(text)!["extensions"]![ConcordExtension.Id]!["signature"]);
        return text;
    }
}
