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

    /// <summary>Waitlisted and offered a freed place until <see cref="Registration.OfferExpiresAtUtc"/>.</summary>
    Offered = 5,
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

public enum QuestionKind
{
    ShortText = 0,
    LongText = 1,
    SingleChoice = 2,
    MultipleChoice = 3,
    YesNo = 4,
}

/// <summary>A custom question on an event's registration form.</summary>
public class RegistrationQuestion
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public required string Label { get; set; }
    public QuestionKind Kind { get; set; }
    public List<string> Options { get; set; } = [];
    public bool Required { get; set; }
    public int SortOrder { get; set; }
}

public class RegistrationAnswer
{
    public Guid Id { get; set; }
    public Guid RegistrationId { get; set; }
    public Guid QuestionId { get; set; }

    /// <summary>The answer; for multiple choice, the chosen options one per line.</summary>
    public required string Value { get; set; }
}

public enum VettingDecision
{
    Approved = 0,
    Rejected = 1,
    Waitlisted = 2,
}

/// <summary>One approver group's decision on one registration. A registration is approved only when every required group approved; any rejection rejects.</summary>
public class RegistrationApproval
{
    public Guid Id { get; set; }
    public Guid RegistrationId { get; set; }
    public required string Group { get; set; }
    public VettingDecision Decision { get; set; }
    public string? DecidedByUserId { get; set; }
    public string? DecidedByName { get; set; }
    public DateTime AtUtc { get; set; }

    /// <summary>Why (required for a rejection); internal, never sent.</summary>
    public string? InternalReason { get; set; }

    /// <summary>An optional message to the person, sent only when the vetter chose to.</summary>
    public string? MessageToPerson { get; set; }

    /// <summary>Decisions made before the person changed a vetted field are kept for the record but no longer count.</summary>
    public bool Superseded { get; set; }
}

/// <summary>One personal link to the attendee's own page: only the SHA-256 of its token is stored.</summary>
public class RegistrationLink
{
    public Guid Id { get; set; }
    public Guid RegistrationId { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
