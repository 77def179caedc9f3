namespace EventHub.Core.Data;

/// <summary>An organiser's dismissal of one non-attribution finding, with a reason (audited).</summary>
public class AttributionDismissal
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }

    /// <summary>Identifies the finding across edits: rule, matched text (normalised) and the person or organisation it points to.</summary>
    public required string FindingKey { get; set; }
    public required string MatchedText { get; set; }
    public required string Reason { get; set; }
    public string? ByUserId { get; set; }
    public string? ByName { get; set; }
    public DateTime AtUtc { get; set; }
}
