namespace EventHub.Core.Data;

/// <summary>One reviewer group's decision on one version; a new review round supersedes the earlier decisions.</summary>
public class ReportReview
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }
    public required string Group { get; set; }
    public ReviewDecision Decision { get; set; }
    public int VersionNumber { get; set; }
    public string? Comment { get; set; }
    public string? ReviewerUserId { get; set; }
    public string? ReviewerName { get; set; }
    public DateTime AtUtc { get; set; }
    public bool Superseded { get; set; }
}
