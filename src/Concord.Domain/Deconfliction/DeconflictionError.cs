namespace Concord.Domain.Deconfliction;

/// <summary>
/// One reason an operation was refused: where (an RFC 6901 JSON pointer into the request, e.g.
/// <c>/area/geometry/coordinates/0/3</c>, or a field name) and what. Never carries another party's data.
/// </summary>
/// <param name="Pointer">Where the problem is; empty for the whole request.</param>
/// <param name="Message">What is wrong, in one sentence.</param>
public sealed record DeconflictionError(string Pointer, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Pointer.Length == 0 ? Message : $"{Pointer}: {Message}";
}
