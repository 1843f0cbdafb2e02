using Concord.Domain.Stix;

namespace Concord.Server.Tests.Wire;

public sealed class ScrubberTests
{
    [Fact]
    public void Random_ids_are_numbered_by_first_appearance_and_fixed_ids_timestamps_and_trace_ids_are_kept_apart()
    {
        var body = $$"""
            {"a":"report--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","b":"incident--0b7f7d3e-64d5-4f44-9a4a-6a1e0e8a0f11",
             "c":"report--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","d":"{{Tlp.MarkingIdOf(TlpLevel.Red)}}",
             "e":"2025-03-01T00:00:00.000Z","trace_id":"00-abc-def-00"}
            """;

        var scrubbed = Scrubber.Scrub(body);

        Assert.Equal(
            $$"""
            {
              "a": "report--<1>",
              "b": "incident--<2>",
              "c": "report--<1>",
              "d": "{{Tlp.MarkingIdOf(TlpLevel.Red)}}",
              "e": "<timestamp>",
              "trace_id": "<trace>"
            }

            """,
            scrubbed);
    }
}
