using EventHub.Core.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace EventHub.Core.Features.Invitations;

/// <summary>
/// The "stop receiving invitations" link in every email: the contact's id, protected with Data Protection (keys in the
/// database), so it needs no stored token, works on every node and cannot be forged.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider dataProtection, LinkBuilder links)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("EventHub.Unsubscribe.v1");

    public string For(Guid contactId) => links.Absolute("unsubscribe/" + WebEncoders.Base64UrlEncode(protector.Protect(contactId.ToByteArray())));

    public Guid? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 500)
        {
            return null;
        }

        try
        {
            var bytes = protector.Unprotect(WebEncoders.Base64UrlDecode(token));
            return bytes.Length == 16 ? new Guid(bytes) : null;
        }
        catch (Exception ex) when (ex is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
