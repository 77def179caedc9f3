using EventHub.Core.Data;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Privacy;

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
