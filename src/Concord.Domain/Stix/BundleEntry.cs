namespace Concord.Domain.Stix;

/// <summary>
/// One item read from a STIX bundle: the raw JSON of an object with its position, or an error about the
/// input at that position (a malformed document, a bundle envelope problem, an item that is not an object).
/// </summary>
/// <param name="Index">Zero-based position in the objects array (-1 for errors about the envelope).</param>
/// <param name="Pointer">JSON pointer of the item, e.g. <c>/objects/7</c>.</param>
/// <param name="Json">The object's UTF-8 JSON; empty when <paramref name="Error"/> is set.</param>
/// <param name="Error">What is wrong, or null.</param>
/// <param name="Fatal">True when reading cannot go on (the JSON itself is broken).</param>
public sealed record BundleEntry(int Index, string Pointer, ReadOnlyMemory<byte> Json, StixError? Error, bool Fatal = false);
