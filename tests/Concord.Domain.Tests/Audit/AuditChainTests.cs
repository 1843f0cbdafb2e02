using CsCheck;
using Concord.Domain.Audit;

namespace Concord.Domain.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly Gen<string> Text = Gen.String[Gen.Char["abc@-.:ж "], 0, 8];

    private static readonly Gen<string?> MaybeText = Gen.OneOf(Text.Select(t => (string?)t), Gen.Const((string?)null));

    private static readonly Gen<(DateTimeOffset At, string Actor, string? Party, string Action, string? Target, string? Purpose, string Detail)> Fields =
        Gen.Select(Gen.Long[0, DateTime.MaxValue.Ticks / 2], Text, MaybeText, Text, MaybeText, MaybeText, Text)
            .Select((ticks, actor, party, action, target, purpose, detail) => (new DateTimeOffset(ticks, TimeSpan.Zero), actor, party, action, target, purpose, detail));

    private static readonly Gen<List<(AuditEntry Entry, byte[] StoredHash)>> Chain = Fields.List[1, 20].Select(Build);

    [Fact]
    public void An_intact_chain_verifies()
    {
        Chain.Sample(chain => Assert.Null(AuditChain.Verify(chain)));
        Assert.Null(AuditChain.Verify([]));
    }

    [Fact]
    public void Editing_any_field_of_any_entry_is_detected_at_that_entry()
    {
        Gen.Select(Chain, Gen.Int[0, 7], Gen.Int[0, 1000], Fields).Sample((chain, field, at, other) =>
        {
            var i = at % chain.Count;
            var (entry, hash) = chain[i];
            var edited = field switch
            {
                0 => entry with { Sequence = entry.Sequence + 1 },
                1 => entry with { At = entry.At.AddTicks(1) },
                2 => entry with { Actor = entry.Actor + "x" },
                3 => entry with { Party = entry.Party is null ? string.Empty : null },
                4 => entry with { Action = entry.Action + "x" },
                5 => entry with { Target = entry.Target is null ? other.Actor : entry.Target + "x" },
                6 => entry with { Purpose = entry.Purpose is null ? string.Empty : null },
                _ => entry with { Detail = entry.Detail + "x" },
            };
            chain[i] = (edited, hash);

            var problem = AuditChain.Verify(chain);

            Assert.NotNull(problem);
            Assert.Contains($"entry {i + 1}", problem, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Altering_a_stored_hash_is_detected()
    {
        Gen.Select(Chain, Gen.Int[0, 1000], Gen.Int[0, 31]).Sample((chain, at, bit) =>
        {
            var i = at % chain.Count;
            var hash = (byte[])chain[i].StoredHash.Clone();
            hash[bit] ^= 0x40;
            chain[i] = (chain[i].Entry, hash);

            Assert.NotNull(AuditChain.Verify(chain));
        });
    }

    [Fact]
    public void Deleting_any_entry_before_the_last_is_detected()
    {
        Chain.Where(c => c.Count >= 2).Select(c => (Chain: c, Index: Gen.Int[0, c.Count - 2])).SelectMany(x => x.Index.Select(i => (x.Chain, i))).Sample((chain, i) =>
        {
            chain.RemoveAt(i);

            Assert.NotNull(AuditChain.Verify(chain));
        });
    }

    [Fact]
    public void Inserting_an_entry_with_a_well_formed_hash_is_detected()
    {
        Gen.Select(Chain, Gen.Int[0, 1000], Fields).Sample((chain, at, fields) =>
        {
            var i = at % chain.Count;
            var previous = i == 0 ? AuditChain.Genesis.ToArray() : chain[i - 1].StoredHash;
            var forged = new AuditEntry(i + 1, fields.At, fields.Actor, fields.Party, fields.Action, fields.Target, fields.Purpose, fields.Detail);
            chain.Insert(i, (forged, AuditChain.Hash(previous, forged)));

            Assert.NotNull(AuditChain.Verify(chain));
        });
    }

    [Fact]
    public void Reordering_entries_is_detected_with_or_without_renumbering()
    {
        Chain.Where(c => c.Count >= 2).SelectMany(c => Gen.Select(Gen.Int[0, c.Count - 1], Gen.Int[0, c.Count - 1]).Where((a, b) => a != b).Select((a, b) => (c, a, b)))
            .Sample((chain, a, b) =>
            {
                var swapped = chain.ToList();
                (swapped[a], swapped[b]) = (swapped[b], swapped[a]);
                var renumbered = swapped.Select((e, k) => (e.Entry with { Sequence = k + 1 }, e.StoredHash)).ToList();

                Assert.NotNull(AuditChain.Verify(swapped));
                Assert.NotNull(AuditChain.Verify(renumbered));
            });
    }

    [Fact]
    public void Cutting_any_number_of_entries_off_the_end_is_detected_only_against_an_anchor()
    {
        Chain.SelectMany(c => Gen.Int[1, c.Count].Select(cut => (c, cut))).Sample((chain, cut) =>
        {
            var anchor = Run(chain, null).Head!.Value;
            var shortened = chain.Take(chain.Count - cut).ToList();

            Assert.Null(AuditChain.Verify(shortened));
            var verifier = Run(shortened, anchor);
            Assert.False(verifier.Finish());
            Assert.Contains("removed from its end", verifier.Problem, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_chain_passes_through_every_anchor_taken_from_it_and_no_other()
    {
        Gen.Select(Chain, Gen.Int[0, 1000], Gen.Int[0, 31]).Sample((chain, at, bit) =>
        {
            var i = at % chain.Count;
            var anchor = new AuditAnchor(i + 1, chain[i].StoredHash);
            Assert.True(AuditAnchor.TryParse(anchor.ToString(), out var parsed, out _));
            Assert.True(Run(chain, parsed).Finish());

            var wrong = (byte[])chain[i].StoredHash.Clone();
            wrong[bit] ^= 1;
            var verifier = Run(chain, new AuditAnchor(i + 1, wrong));
            Assert.False(verifier.Finish());
            Assert.Contains($"entry {i + 1} does not match the anchor", verifier.Problem, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_missing_and_an_empty_field_hash_differently()
    {
        var at = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var empty = new AuditEntry(1, at, "system", string.Empty, "import", null, null, "1 object");
        var missing = empty with { Party = null };
        var shifted = new AuditEntry(1, at, "system", "import", string.Empty, null, null, "1 object");

        Assert.NotEqual(AuditChain.Hash(AuditChain.Genesis, empty), AuditChain.Hash(AuditChain.Genesis, missing));
        Assert.NotEqual(AuditChain.Hash(AuditChain.Genesis, empty), AuditChain.Hash(AuditChain.Genesis, shifted));
    }

    [Fact]
    public void The_same_instant_in_another_offset_hashes_alike()
    {
        var utc = new AuditEntry(1, new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero), "system", null, "export", null, null, "3 objects");
        var kabul = utc with { At = utc.At.ToOffset(TimeSpan.FromHours(4.5)) };

        Assert.Equal(AuditChain.Hash(AuditChain.Genesis, utc), AuditChain.Hash(AuditChain.Genesis, kabul));
    }

    private static AuditChainVerifier Run(List<(AuditEntry Entry, byte[] StoredHash)> chain, AuditAnchor? anchor)
    {
        var verifier = new AuditChainVerifier(anchor);
        foreach (var (entry, hash) in chain)
        {
            verifier.Check(entry, hash);
        }

        return verifier;
    }

    private static List<(AuditEntry Entry, byte[] StoredHash)> Build(List<(DateTimeOffset At, string Actor, string? Party, string Action, string? Target, string? Purpose, string Detail)> fields)
    {
        var chain = new List<(AuditEntry, byte[])>();
        var previous = AuditChain.Genesis.ToArray();
        for (var i = 0; i < fields.Count; i++)
        {
            var f = fields[i];
            var entry = new AuditEntry(i + 1, f.At, f.Actor, f.Party, f.Action, f.Target, f.Purpose, f.Detail);
            previous = AuditChain.Hash(previous, entry);
            chain.Add((entry, previous));
        }

        return chain;
    }
}
