namespace EventHub.Core.Data;

public enum RegistrationSource
{
    Invitation = 0,
    Nomination = 1,
    Request = 2,
}

public enum RegistrationStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
    Waitlisted = 3,
    Cancelled = 4,
}

/// <summary>Someone who wants to attend: an invitee who accepted, a nominated colleague, or (later) a request to attend. Vetting decides.</summary>
public class Registration
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public Event? Event { get; set; }

    public RegistrationSource Source { get; set; }
    public RegistrationStatus Status { get; set; }

    /// <summary>The invitation this registration answers (an accepted invitation), if any.</summary>
    public Guid? InvitationId { get; set; }

    /// <summary>For a nomination: the invitation whose holder nominated this person.</summary>
    public Guid? NominatedByInvitationId { get; set; }
    public string? NominationReason { get; set; }

    public required string Name { get; set; }
    public required string Email { get; set; }
    public required string NormalizedEmail { get; set; }
    public Guid? OrganisationId { get; set; }
    public string? OrganisationName { get; set; }
    public string? Position { get; set; }

    /// <summary>When the person acknowledged the Chatham House Rule.</summary>
    public DateTime? RuleAcknowledgedAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}
