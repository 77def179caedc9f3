using System.Text.RegularExpressions;

namespace EventHub.Core.Common;

/// <summary>
/// What an invitation, a decision or a consent request can be sent to: one address, no display name, no spaces or markup,
/// a dot in the domain. Stricter than <see cref="EmailAddressAttribute"/>, which checks only for one '@' and so accepts
/// "a b@example.org", "&lt;script&gt;@example.org" and "ana@example" — addresses the relay refuses after the row was saved.
/// </summary>
public static partial class EmailAddresses
{
    public const int MaxLength = 320;

    public static bool IsValid(string? email) => email is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(email);

    [GeneratedRegex(@"^[^@\s<>(),;:""\[\]\\]+@[^@\s<>(),;:""\[\]\\]+\.[^@\s<>(),;:""\[\]\\.]{2,}$")]
    private static partial Regex Pattern();
}
