namespace EventHub.Core.Data;

/// <summary>Who did what, when, and why. Written by <see cref="Auditing.AuditLog"/>; never updated.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string? ActorUserId { get; set; }
    public string? ActorName { get; set; }
    public required string Action { get; set; }
    public Guid? EventId { get; set; }
    public string? SubjectType { get; set; }
    public string? SubjectId { get; set; }
    public string? Details { get; set; }
}
