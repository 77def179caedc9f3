namespace EventHub.Core.Data;

public class ReportComment
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }
    public int VersionNumber { get; set; }
    public required string Text { get; set; }
    public string? AuthorUserId { get; set; }
    public string? AuthorName { get; set; }
    public DateTime AtUtc { get; set; }
}
