using System.ComponentModel.DataAnnotations;

namespace EventHub.Core.Authorization;

/// <summary>
/// Staff sign-in through an OpenID Connect provider (Microsoft Entra ID or another). Off by default. An account is linked
/// by its verified email; nobody unknown gets an account unless their domain is in <see cref="CreateAccountsForDomains"/>.
/// </summary>
public sealed class SingleSignOnOptions : IValidatableObject
{
    public const string SectionName = "SingleSignOn";

    /// <summary>The authentication scheme's name, also the login provider recorded with each linked account.</summary>
    public const string Scheme = "oidc";

    public bool Enabled { get; init; }

    /// <summary>Shown on the login page as "Sign in with …".</summary>
    [StringLength(100)]
    public string DisplayName { get; init; } = "single sign-on";

    /// <summary>The provider's issuer, e.g. https://login.microsoftonline.com/{tenant}/v2.0.</summary>
    public string? Authority { get; init; }

    public string? ClientId { get; init; }
    public string? ClientSecret { get; init; }

    /// <summary>Where the provider sends the browser back (registered with the provider as {PublicBaseUrl}{CallbackPath}).</summary>
    public string CallbackPath { get; init; } = "/signin-oidc";

    /// <summary>Only for a provider on loopback in tests: production metadata is always fetched over HTTPS.</summary>
    public bool RequireHttpsMetadata { get; init; } = true;

    /// <summary>Email domains (without '@') whose staff may sign in this way; any other address is refused.</summary>
    public List<string> AllowedEmailDomains { get; init; } = [];

    /// <summary>Domains (a subset of the allowed ones) whose unknown users get a staff account, with no roles, at first sign-in.</summary>
    public List<string> CreateAccountsForDomains { get; init; } = [];

    /// <summary>The claim that says the provider verified the email address (Entra ID: xms_edov).</summary>
    public string EmailVerifiedClaim { get; init; } = "email_verified";

    /// <summary>
    /// Values of the id_token's <c>amr</c> claim (RFC 8176) that mean the login used more than a password; one of them
    /// satisfies the two-factor requirement for organisers and administrators. Empty: <see cref="DefaultMultiFactorMethods"/>.
    /// </summary>
    public List<string> MultiFactorMethods { get; init; } = [];

    /// <summary>mfa and mca (the provider says so), one-time codes, hardware and software keys, smart cards and biometrics; never pwd, pin, sms, tel or kba alone.</summary>
    public static readonly IReadOnlyList<string> DefaultMultiFactorMethods = ["mfa", "mca", "otp", "hwk", "swk", "sc", "fpt", "face", "iris", "retina", "vbm"];

    public bool IsMultiFactor(IEnumerable<string> authenticationMethods)
    {
        var strong = MultiFactorMethods.Count > 0 ? MultiFactorMethods : DefaultMultiFactorMethods;
        return authenticationMethods.Any(m => strong.Contains(m, StringComparer.OrdinalIgnoreCase));
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        foreach (var (value, name) in new[] { (Authority, nameof(Authority)), (ClientId, nameof(ClientId)), (ClientSecret, nameof(ClientSecret)) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return new ValidationResult($"{SectionName}:{name} is required when {SectionName}:Enabled is true.", [name]);
            }
        }

        if (AllowedEmailDomains.Count == 0)
        {
            yield return new ValidationResult($"{SectionName}:AllowedEmailDomains must name at least one domain when {SectionName}:Enabled is true.", [nameof(AllowedEmailDomains)]);
        }

        var outside = CreateAccountsForDomains.Where(d => !AllowedEmailDomains.Contains(d, StringComparer.OrdinalIgnoreCase)).ToList();
        if (outside.Count > 0)
        {
            yield return new ValidationResult($"{SectionName}:CreateAccountsForDomains names {string.Join(", ", outside)}, which is not in AllowedEmailDomains.", [nameof(CreateAccountsForDomains)]);
        }
    }
}
