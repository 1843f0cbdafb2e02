using Concord.Domain.Directory;

namespace Concord.Domain.Deconfliction;

/// <summary>
/// Who to call about an operation: a member of the owning party (checked to exist, never disclosed) and how to
/// reach them for this operation — a name and at least one of phone, radio or e-mail. The name and the means
/// of contact are disclosed to the other side of a conflict, so they say only what the owner chooses.
/// </summary>
/// <param name="Member">The duty officer's member id on the node (not disclosed).</param>
/// <param name="Name">How the counterpart should address them, e.g. a call sign or "Duty officer, sector 4".</param>
/// <param name="Phone">Telephone number.</param>
/// <param name="Radio">Radio frequency or net.</param>
/// <param name="Email">E-mail address.</param>
public sealed record DutyContact(MemberId Member, string Name, string? Phone, string? Radio, string? Email)
{
    private const int MaxLength = 120;

    /// <summary>The reasons this contact is unusable (empty when it is fine); the member's existence is checked by the caller.</summary>
    public IReadOnlyList<DeconflictionError> Check(string pointer)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        var errors = new List<DeconflictionError>();
        if (Member.Name is null)
        {
            errors.Add(new DeconflictionError(pointer + "/member", "name the duty officer's member id (name@party)"));
        }

        Text(Name, "name", required: true);
        Text(Phone, "phone", required: false);
        Text(Radio, "radio", required: false);
        Text(Email, "email", required: false);
        if (string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Radio) && string.IsNullOrWhiteSpace(Email))
        {
            errors.Add(new DeconflictionError(pointer, "give at least one of phone, radio or email"));
        }

        return errors;

        void Text(string? value, string field, bool required)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required)
                {
                    errors.Add(new DeconflictionError($"{pointer}/{field}", $"the contact needs a {field}"));
                }
            }
            else if (value.Length > MaxLength || value.Any(char.IsControl))
            {
                errors.Add(new DeconflictionError($"{pointer}/{field}", $"at most {MaxLength} characters, no control characters"));
            }
        }
    }
}
