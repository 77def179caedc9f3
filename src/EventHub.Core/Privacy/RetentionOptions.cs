using System.ComponentModel.DataAnnotations;
using EventHub.Core.Data;

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
