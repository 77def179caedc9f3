using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace EventHub.Web.Components.Account;

/// <summary>
/// EventHub: the code in an account email's link (confirm email, change email, reset password), decoded. The template
/// decoded it unguarded, so a link altered in transit or by hand ("code=x") answered 500; an undecodable code is now
/// treated as a wrong one.
/// </summary>
internal static class EmailedCode
{
    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
