namespace EventHub.Core.Data;

public enum InvitationStatus
{
    Sent = 0,
    Accepted = 1,
    Declined = 2,
    NominatedColleague = 3,
    Revoked = 4,
    Expired = 5,

    /// <summary>The invitation email failed permanently (SMTP 5xx).</summary>
    Bounced = 6,
}

/// <summary>
/// A personal invitation of one contact to one event. Its links (<see cref="InvitationLink"/>) each carry a 32-byte random
/// token of which only the SHA-256 hash is stored: a resend or a nudge sends a new link, and the earlier ones keep working
/// until the invitation is revoked or expires.
/// </summary>
public class Invitation
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public Event? Event { get; set; }
    public Guid ContactId { get; set; }
    public Contact? Contact { get; set; }

    public InvitationStatus Status { get; set; }

    /// <summary>The subject and message as the organiser wrote them, placeholders unresolved: resends and nudges reuse them.</summary>
    public required string Subject { get; set; }
    public required string Message { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime SentAtUtc { get; set; }
    public DateTime? RespondedAtUtc { get; set; }

    /// <summary>After this the link shows the plain "not valid" page; by default the event's start.</summary>
    public DateTime? ExpiresAtUtc { get; set; }

    public string? DeclineReason { get; set; }
    public int Resends { get; set; }
    public int NudgesSent { get; set; }

    public List<InvitationHistoryEntry> History { get; set; } = [];
    public List<InvitationLink> Links { get; set; } = [];
}

/// <summary>One personal link of an invitation: the SHA-256 of its token, never the token.</summary>
public class InvitationLink
{
    public Guid Id { get; set; }
    public Guid InvitationId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public required string TokenHash { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

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
