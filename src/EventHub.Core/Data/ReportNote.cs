namespace EventHub.Core.Data;

/// <summary>A rapporteur's private note during the meeting: visible to its author only, never circulated, erased when the report is circulated.</summary>
public class ReportNote
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public required string AuthorUserId { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}
