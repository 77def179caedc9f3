using System.ComponentModel.DataAnnotations;
using EventHub.Core.Data;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Privacy;

/// <summary>
/// How long personal data outlives an event. Each value is the default for new events and also the maximum: an organiser
/// may shorten an event's policy, never lengthen it beyond what the installation allows.
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Days after an event ends when the security fields (date of birth, nationality, identity document) are erased.</summary>
    [Range(0, 3650, ErrorMessage = "Retention:SecurityDataDays must be between 0 and 3650.")]
    public int SecurityDataDays { get; init; } = 30;

    /// <summary>Months after an event ends when attendees' and invitees' personal data is anonymised.</summary>
    [Range(1, 240, ErrorMessage = "Retention:PersonalDataMonths must be between 1 and 240.")]
    public int PersonalDataMonths { get; init; } = 12;
}

/// <summary>An event's retention policy as it applies: its own values, bounded by the configured maximums.</summary>
public sealed class RetentionPolicy(IOptions<RetentionOptions> options)
{
    public const int MinimumPersonalDataMonths = 1;

    public RetentionOptions Configured => options.Value;

    public int SecurityDataDays(Event e) => Math.Min(e.SecurityDataRetentionDays ?? options.Value.SecurityDataDays, options.Value.SecurityDataDays);

    public int PersonalDataMonths(Event e) => Math.Min(e.PersonalDataRetentionMonths ?? options.Value.PersonalDataMonths, options.Value.PersonalDataMonths);

    public DateTime SecurityDataDueUtc(Event e) => e.EndsAtUtc.AddDays(SecurityDataDays(e));

    public DateTime PersonalDataDueUtc(Event e) => e.EndsAtUtc.AddMonths(PersonalDataMonths(e));
}
