namespace Concord.Domain.Deconfliction;

/// <summary>The other side's duty contact as disclosed: how to reach them, nothing else (not their member id).</summary>
/// <param name="Name">How to address them.</param>
/// <param name="Phone">Telephone.</param>
/// <param name="Radio">Radio frequency or net.</param>
/// <param name="Email">E-mail.</param>
public sealed record CounterpartContact(string Name, string? Phone, string? Radio, string? Email)
{
    /// <summary>The disclosed part of a duty contact.</summary>
    public static CounterpartContact Of(DutyContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return new CounterpartContact(contact.Name, contact.Phone, contact.Radio, contact.Email);
    }
}
