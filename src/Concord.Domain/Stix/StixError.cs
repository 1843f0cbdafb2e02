namespace Concord.Domain.Stix;

/// <summary>
/// One reason a piece of STIX input was refused: where (an RFC 6901 JSON pointer into the input, e.g.
/// <c>/objects/3/modified</c>) and what.
/// </summary>
/// <param name="Pointer">JSON pointer to the offending value; empty for the whole document.</param>
/// <param name="Message">What is wrong, in one sentence, without echoing other parties' data.</param>
public sealed record StixError(string Pointer, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Pointer.Length == 0 ? Message : $"{Pointer}: {Message}";
}
