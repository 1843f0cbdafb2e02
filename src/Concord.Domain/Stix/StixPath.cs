namespace Concord.Domain.Stix;

/// <summary>
/// A JSON pointer that is only spelled out when an error needs it: validation walks every property of every
/// object, and building each property's pointer string up front would cost more than checking the value.
/// </summary>
internal readonly record struct StixPath(string Prefix, string? Name = null, int Index = -1)
{
    /// <summary>The pointer of item <paramref name="index"/> of the array at this path.</summary>
    public StixPath Item(int index) => Index < 0 ? this with { Index = index } : new StixPath(ToString(), null, index);

    public static implicit operator string(StixPath path) => path.ToString();

    public static implicit operator StixPath(string pointer) => new(pointer);

    public override string ToString()
    {
        var text = Name is null ? Prefix : $"{Prefix}/{JsonPointer.Escape(Name)}";
        return Index < 0 ? text : $"{text}/{Index}";
    }
}
