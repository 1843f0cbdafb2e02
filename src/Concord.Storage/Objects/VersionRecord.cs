using Concord.Domain.Releasability;
using Concord.Domain.Stix;

namespace Concord.Storage.Objects;

/// <summary>A validated object version ready to be written, with the distribution its originator gave it.</summary>
/// <param name="Object">The validated object.</param>
/// <param name="Distribution">Originator, release, TLP, caveats.</param>
/// <param name="Grading">Admiralty grading, if any.</param>
/// <param name="Digest">Digest of content and distribution (see VersionDigest).</param>
public sealed record VersionRecord(StixObject Object, Distribution Distribution, Grading? Grading, byte[] Digest);
