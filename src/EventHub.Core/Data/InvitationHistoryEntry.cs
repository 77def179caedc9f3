namespace EventHub.Core.Data;

/// <summary>What happened to an invitation, in order: sent, resent, accepted, bounced...</summary>
public class InvitationHistoryEntry
{
    public long Id { get; set; }
    public Guid InvitationId { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Action { get; set; }
    public string? Detail { get; set; }

    /// <summary>The staff member who did it; null when the invitee or the system did.</summary>
    public string? ActorName { get; set; }
}
