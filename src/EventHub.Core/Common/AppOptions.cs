namespace EventHub.Core.Common;

public sealed class AppOptions : System.ComponentModel.DataAnnotations.IValidatableObject
{
    public const string SectionName = "App";

    /// <summary>
    /// The address people use to reach EventHub. Every link in every email starts with it, never with the Host header of the
    /// request that caused the email (a forged Host would otherwise put an attacker's address into a password-reset link).
    /// Required outside Development; in Development, when unset, links follow the address the app listens on.
    /// </summary>
    public string? PublicBaseUrl { get; init; }

    /// <summary>The installation's name, shown in page titles and emails.</summary>
    public string Name { get; init; } = "EventHub";

    /// <summary>
    /// The installation's time zone (IANA, e.g. Europe/Brussels): times outside an event (the outbox, the audit log, the home
    /// page) are shown in it, unless a staff member chose another zone in their profile. Inside an event, the event's zone.
    /// </summary>
    public string TimeZone { get; init; } = "Europe/Brussels";

    public IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Validate(System.ComponentModel.DataAnnotations.ValidationContext validationContext)
    {
        if (!EventTime.IsKnownZone(TimeZone))
        {
            yield return new($"App:TimeZone '{TimeZone}' is not an IANA time zone (e.g. Europe/Brussels).", [nameof(TimeZone)]);
        }
    }
}
