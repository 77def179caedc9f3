namespace EventHub.Web.Hosting;

public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// Administrators and organisers must have two-factor authentication (an authenticator app) before any staff page opens;
    /// until they set it up every staff URL leads to the setup page. On by default; appsettings.Development.json turns it off.
    /// </summary>
    public bool RequireTwoFactorForStaff { get; init; } = true;

    /// <summary>How long browsers remember to use HTTPS only (Strict-Transport-Security), outside Development.</summary>
    public TimeSpan HstsMaxAge { get; init; } = TimeSpan.FromDays(365);
}
