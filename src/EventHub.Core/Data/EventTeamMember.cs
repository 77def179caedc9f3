namespace EventHub.Core.Data;

/// <summary>A role a staff member holds for one event. Roles are per event; only Administrator is installation-wide.</summary>
public enum EventRole
{
    Organiser = 0,
    Vetter = 1,
    DoorStaff = 2,
    Rapporteur = 3,
    HostReviewer = 4,
}

public class EventTeamMember
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public Event? Event { get; set; }
    public required string UserId { get; set; }
    public ApplicationUser? User { get; set; }
    public EventRole Role { get; set; }

    /// <summary>For vetters and host reviewers: the approver group they decide for (one of the event's <see cref="Event.ApproverGroups"/>).</summary>
    public string? ApproverGroup { get; set; }

    public DateTime AddedAtUtc { get; set; }
}
