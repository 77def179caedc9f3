namespace EventHub.Core.Data;

public class ReportVersion
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }
    public int Number { get; set; }
    public required string Markdown { get; set; }
    public bool Autosave { get; set; }
    public DateTime SavedAtUtc { get; set; }
    public string? SavedByUserId { get; set; }
    public string? SavedByName { get; set; }
}
