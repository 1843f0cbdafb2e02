namespace Concord.Server.Import;

/// <summary>What an import did, with a pointer for every refused object.</summary>
public sealed record ImportResponse(long Received, long Inserted, long Unchanged, long Rejected, bool Committed, IReadOnlyList<ImportProblemView> Problems);

/// <summary>One refused object.</summary>
/// <param name="Index">Its position in the input.</param>
/// <param name="Pointer">JSON pointer to the offending value.</param>
/// <param name="Id">The id it claimed.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ImportProblemView(int Index, string Pointer, string? Id, string Message);
