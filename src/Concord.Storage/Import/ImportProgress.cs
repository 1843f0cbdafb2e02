namespace Concord.Storage.Import;

/// <summary>How far an import has got.</summary>
/// <param name="Received">Objects read so far.</param>
/// <param name="Stored">Objects written (inserted or unchanged) so far.</param>
/// <param name="Rejected">Objects refused so far.</param>
/// <param name="BytesRead">Input bytes read so far.</param>
public readonly record struct ImportProgress(long Received, long Stored, long Rejected, long BytesRead);
