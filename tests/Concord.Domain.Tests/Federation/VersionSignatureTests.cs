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

            if (!batch[i].Json.Span.SequenceEqual(batch[j].Json.Span))
            {
                Assert.False(VersionSignature.Verify(Key.PublicKey, signatures[i], batch[j].Json.Span, batch[j].Originator, batch[j].Handling, null));
            }

            Assert.False(VersionSignature.Verify(Other.PublicKey, signatures[i], batch[i].Json.Span, batch[i].Originator, batch[i].Handling, null));
            if (signatures[i].Length > 72)
            {
                var path = (byte[])signatures[i].Clone();
                path[^1] ^= 0x01;
                Assert.False(VersionSignature.Verify(Key.PublicKey, path, batch[i].Json.Span, batch[i].Originator, batch[i].Handling, null));
                var moved = (byte[])signatures[i].Clone();
                moved[67] ^= 0x01;
                Assert.False(VersionSignature.Verify(Key.PublicKey, moved, batch[i].Json.Span, batch[i].Originator, batch[i].Handling, null));
                Assert.False(VersionSignature.Verify(Key.PublicKey, signatures[i].AsSpan(0, signatures[i].Length - 32), batch[i].Json.Span, batch[i].Originator, batch[i].Handling, null));
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
