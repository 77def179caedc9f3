namespace EventHub.Core.Data;

/// <summary>A pre-read document (the study): stored outside the web root, served only to the team and approved attendees.</summary>
public class EventDocument
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public required string Title { get; set; }

    /// <summary>The original file name, cleaned of any path; used only in Content-Disposition.</summary>
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }

    /// <summary>The storage key (a random name under the document store's root), never derived from the upload's name.</summary>
    public required string StorageKey { get; set; }
    public required string Sha256 { get; set; }

    public DateTime UploadedAtUtc { get; set; }
    public string? UploadedByUserId { get; set; }
    public string? UploadedByName { get; set; }
    public DateTime? DeletedAtUtc { get; set; }
}
