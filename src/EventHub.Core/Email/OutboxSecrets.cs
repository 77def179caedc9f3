using System.Text.RegularExpressions;
using EventHub.Core.Data;

namespace EventHub.Core.Email;

/// <summary>
/// What the outbox shows of a message: its body with every working secret masked — personal links (invitation, attendee,
/// consent, unsubscribe) and account links (password reset, set password, confirmation, whose code is in the query). The
/// stored row is never changed, so the message can still be sent again; only what a person reads or downloads is masked.
/// </summary>
public static partial class OutboxSecrets
{
    public const string Mask = "[hidden]";

    /// <summary>
    /// Masks the secrets of a message loaded with AsNoTracking (so nothing is saved back): its subject and both bodies.
    /// </summary>
    public static OutboundEmail MaskUntracked(OutboundEmail untracked)
    {
        untracked.Subject = MaskText(untracked.Subject)!;
        untracked.HtmlBody = MaskText(untracked.HtmlBody)!;
        untracked.TextBody = MaskText(untracked.TextBody)!;
        return untracked;
    }

    public static string? MaskText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        text = PersonalLink().Replace(text, m => m.Groups["prefix"].Value + Mask);
        return AccountLink().Replace(text, m => m.Groups["prefix"].Value + "?" + Mask);
    }

    /// <summary>https://host/i/{token}, /r/{token}, /consent/{token}, /unsubscribe/{token}: the token is the key.</summary>
    [GeneratedRegex(@"(?<prefix>https?://[^/\s""'<>]+(?:/[^/\s""'<>]+)*?/(?:i|r|consent|unsubscribe)/)[^/\s""'<>?#]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PersonalLink();

    /// <summary>https://host/Account/ResetPassword?code=…, /Account/ConfirmEmail?userId=…&amp;code=…: the query is the key.</summary>
    [GeneratedRegex(@"(?<prefix>https?://[^/\s""'<>]+(?:/[^/\s""'<>?]+)*?/Account/[A-Za-z]+)\?[^\s""'<>]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AccountLink();
}
