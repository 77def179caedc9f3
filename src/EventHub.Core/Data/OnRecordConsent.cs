namespace EventHub.Core.Data;

/// <summary>Someone who agreed to be named in the report, how, and for which agenda items (none listed: the whole event).</summary>
public class OnRecordConsent
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }

    /// <summary>The attendee, when the person registered; otherwise a team member or host given by name.</summary>
    public Guid? RegistrationId { get; set; }
    public required string Name { get; set; }
    public string? Email { get; set; }
    public string? Affiliation { get; set; }
    public ConsentScope Scope { get; set; }
    public List<Guid> AgendaItemIds { get; set; } = [];
    public ConsentStatus Status { get; set; }

    /// <summary>SHA-256 of the personal confirmation link's token, for a consent requested by email.</summary>
    public string? RequestTokenHash { get; set; }
    public DateTime? RequestedAtUtc { get; set; }
    public DateTime? ConfirmedAtUtc { get; set; }
    public DateTime? WithdrawnAtUtc { get; set; }
    public string? RecordedByUserId { get; set; }
    public string? RecordedByName { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
