namespace EventHub.Core.Data;

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

    /// <summary>
    /// The language of the invitation, its emails and its page: the contact's unless the organiser chose another; the
    /// invitee may switch it on their page. <see cref="Subject"/> and <see cref="Message"/> are the text in this language
    /// (or the English text where the organiser chose to send it).
    /// </summary>
    public string Language { get; set; } = Localization.Languages.Default;

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
