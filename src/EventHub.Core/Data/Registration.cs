namespace EventHub.Core.Data;

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

    /// <summary>The language of this person's emails, calendar entry, pass and pages: the invitation's, or the page's they registered on; they can switch it.</summary>
    public string Language { get; set; } = Localization.Languages.Default;

    /// <summary>
    /// The attendee's country (a name or ISO code), from their directory contact or given on the form: what the report's
    /// non-attribution check knows about "the Hungarian diplomat". Not the security data's nationality, which stays encrypted.
    /// </summary>
    public string? Country { get; set; }

    public string? Phone { get; set; }
    public Sector? Sector { get; set; }
    public string? DietaryNeeds { get; set; }
    public string? AccessibilityNeeds { get; set; }

    /// <summary>
    /// Date of birth, nationality and identity document, when the venue requires them: JSON protected with ASP.NET Core
    /// Data Protection (keys in the database). The column never holds the plaintext.
    /// </summary>
    public string? ProtectedSecurityData { get; set; }

    /// <summary>"List me on the participant list that other attendees can see" (default off).</summary>
    public bool ListMeConsent { get; set; }

    /// <summary>When the person acknowledged the Chatham House Rule.</summary>
    public DateTime? RuleAcknowledgedAtUtc { get; set; }

    public DateTime? ApprovedAtUtc { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public DateTime? WaitlistedAtUtc { get; set; }
    public DateTime? OfferExpiresAtUtc { get; set; }
    public DateTime? CancelledAtUtc { get; set; }

    /// <summary>Approved beyond capacity by an organiser's override (audited).</summary>
    public bool OverCapacity { get; set; }

    /// <summary>When personal data was replaced by placeholders (retention or a person's erasure); aggregates are kept.</summary>
    public DateTime? AnonymisedAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>App-managed concurrency token: two vetters deciding at once cannot overwrite each other.</summary>
    [System.ComponentModel.DataAnnotations.ConcurrencyCheck]
    public Guid ConcurrencyStamp { get; set; }

    public List<RegistrationAnswer> Answers { get; set; } = [];
    public List<RegistrationApproval> Approvals { get; set; } = [];
    public List<RegistrationLink> Links { get; set; } = [];
}
