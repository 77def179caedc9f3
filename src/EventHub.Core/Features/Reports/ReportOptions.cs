using System.ComponentModel.DataAnnotations;

namespace EventHub.Core.Features.Reports;

public sealed class ReportOptions
{
    public const string SectionName = "Reports";

    /// <summary>k of the non-attribution check: an organisation that sent k or fewer people identifies them when a draft describes "an official from" it.</summary>
    [Range(1, 100, ErrorMessage = "Reports:SmallGroupSize must be between 1 and 100.")]
    public int SmallGroupSize { get; init; } = 2;
}
