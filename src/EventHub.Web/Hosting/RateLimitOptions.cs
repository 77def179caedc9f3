using System.ComponentModel.DataAnnotations;

namespace EventHub.Web.Hosting;

public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";
    public const string PersonalLinkPolicy = "personal-link";
    public const string LoginPolicy = "login";

    /// <summary>Requests per minute and client address to pages reached by personal links (invitations, unsubscribe); more get HTTP 429.</summary>
    [Range(1, 100_000)]
    public int PersonalLinkPerMinute { get; init; } = 30;

    /// <summary>Login attempts (form posts to the login, two-factor and recovery-code pages, and the password and confirmation
    /// emails) per minute and client address; more get HTTP 429. Lockout after 5 wrong passwords from one address protects
    /// each account (EventHubSignInManager); this limit slows one address trying many accounts.</summary>
    [Range(1, 100_000)]
    public int LoginPerMinute { get; init; } = 10;
}
