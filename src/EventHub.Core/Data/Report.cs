namespace EventHub.Core.Data;

/// <summary>The post-event report of one event (one per event).</summary>
public class Report
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public Event? Event { get; set; }
    public required string Title { get; set; }

    /// <summary>The current text (Markdown); every save also adds a <see cref="ReportVersion"/>.</summary>
    public required string Markdown { get; set; }
    public int CurrentVersion { get; set; }
    public ReportStatus Status { get; set; }

    /// <summary>The reviewer groups whose approval circulation needs (e.g. "Host office", "Co-organiser").</summary>
    public List<string> RequiredReviewGroups { get; set; } = [];

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedByName { get; set; }
    public DateTime? CirculatedAtUtc { get; set; }

    /// <summary>When set, the approved report is published at /reports/{PublicSlug}, showing no participant data.</summary>
    public string? PublicSlug { get; set; }
    public DateTime? PublishedAtUtc { get; set; }

    /// <summary>Two people editing at once: the second save is refused with a conflict view.</summary>
    [System.ComponentModel.DataAnnotations.ConcurrencyCheck]
    public Guid ConcurrencyStamp { get; set; }

    public List<ReportVersion> Versions { get; set; } = [];
    public List<ReportReview> Reviews { get; set; } = [];
    public List<ReportComment> Comments { get; set; } = [];
}
