namespace Concord.Storage.Import;

/// <summary>Why one object of an input was refused.</summary>
/// <param name="Index">Its position in the input (-1 for the input as a whole).</param>
/// <param name="Pointer">A JSON pointer to the offending value.</param>
/// <param name="Id">The id the object claimed, if any.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ImportProblem(int Index, string Pointer, string? Id, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Pointer.Length == 0 ? Message : $"{Pointer}: {Message}";
}
