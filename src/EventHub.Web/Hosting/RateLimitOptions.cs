using System.ComponentModel.DataAnnotations;

namespace EventHub.Web.Hosting;

public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";
    public const string PersonalLinkPolicy = "personal-link";

    /// <summary>Requests per minute and client address to pages reached by personal links (invitations, unsubscribe); more get HTTP 429.</summary>
    [Range(1, 100_000)]
    public int PersonalLinkPerMinute { get; init; } = 30;
}
