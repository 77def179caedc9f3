using System.ComponentModel.DataAnnotations;

namespace EventHub.Core.Common;

public sealed class AppOptions
{
    public const string SectionName = "App";

    /// <summary>The address people use to reach EventHub; links in emails sent by background jobs start with it.</summary>
    [Required, Url]
    public string PublicBaseUrl { get; init; } = "http://localhost:5145";

    /// <summary>The installation's name, shown in page titles and emails.</summary>
    [Required]
    public string Name { get; init; } = "EventHub";
}
