namespace EventHub.Core.Data;

public enum ConsentScope
{
    /// <summary>The person may be named, without affiliation.</summary>
    NameOnly = 0,

    /// <summary>The person may be named with their organisation and position.</summary>
    NameAndAffiliation = 1,
}

public enum ConsentStatus
{
    /// <summary>Asked by email; not yet confirmed by the person.</summary>
    Requested = 0,
    Confirmed = 1,
    Withdrawn = 2,
}

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

/// <summary>A rapporteur's private note during the meeting: visible to its author only, never circulated, erased when the report is circulated.</summary>
public class ReportNote
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public required string AuthorUserId { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}

public enum ReportStatus
{
    Draft = 0,
    InReview = 1,
    ChangesRequested = 2,
    Approved = 3,
    Circulated = 4,
}

/// <summary>The post-event report of one event (one per event).</summary>
public class Report
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public Event? Event { get; set; }
    public required string Title { get; set; }

    /// <summary>The current text (Markdown); every save also adds a <see cref="ReportVersion"/>.</summary>
    public required string Markdown { get; set; }
    public int CurrentVersion { get; set; }
    public ReportStatus Status { get; set; }

    /// <summary>The reviewer groups whose approval circulation needs (e.g. "Host office", "Co-organiser").</summary>
    public List<string> RequiredReviewGroups { get; set; } = [];

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedByName { get; set; }
    public DateTime? CirculatedAtUtc { get; set; }

    /// <summary>When set, the approved report is published at /reports/{PublicSlug}, showing no participant data.</summary>
    public string? PublicSlug { get; set; }
    public DateTime? PublishedAtUtc { get; set; }

    /// <summary>Two people editing at once: the second save is refused with a conflict view.</summary>
    [System.ComponentModel.DataAnnotations.ConcurrencyCheck]
    public Guid ConcurrencyStamp { get; set; }

    public List<ReportVersion> Versions { get; set; } = [];
    public List<ReportReview> Reviews { get; set; } = [];
    public List<ReportComment> Comments { get; set; } = [];
}

public class ReportVersion
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }
    public int Number { get; set; }
    public required string Markdown { get; set; }
    public bool Autosave { get; set; }
    public DateTime SavedAtUtc { get; set; }
    public string? SavedByUserId { get; set; }
    public string? SavedByName { get; set; }
}

public enum ReviewDecision
{
    Approved = 0,
    ChangesRequested = 1,
}

/// <summary>One reviewer group's decision on one version; a new review round supersedes the earlier decisions.</summary>
public class ReportReview
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }
    public required string Group { get; set; }
    public ReviewDecision Decision { get; set; }
    public int VersionNumber { get; set; }
    public string? Comment { get; set; }
    public string? ReviewerUserId { get; set; }
    public string? ReviewerName { get; set; }
    public DateTime AtUtc { get; set; }
    public bool Superseded { get; set; }
}

public class ReportComment
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }
    public int VersionNumber { get; set; }
    public required string Text { get; set; }
    public string? AuthorUserId { get; set; }
    public string? AuthorName { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>An organiser's dismissal of one non-attribution finding, with a reason (audited).</summary>
public class AttributionDismissal
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }

    /// <summary>Identifies the finding across edits: rule, matched text (normalised) and the person or organisation it points to.</summary>
    public required string FindingKey { get; set; }
    public required string MatchedText { get; set; }
    public required string Reason { get; set; }
    public string? ByUserId { get; set; }
    public string? ByName { get; set; }
    public DateTime AtUtc { get; set; }
}

public enum CirculationAudience
{
    CheckedIn = 0,
    AllApproved = 1,
    Hosts = 2,
    Team = 3,
}

/// <summary>One sending of the report's summary to an audience.</summary>
public class ReportCirculation
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }
    public int VersionNumber { get; set; }
    public List<CirculationAudience> Audiences { get; set; } = [];
    public DateTime AtUtc { get; set; }
    public string? ByUserId { get; set; }
    public string? ByName { get; set; }
    public List<CirculationRecipient> Recipients { get; set; } = [];
}

/// <summary>One recipient of a circulation, with the reference printed in their copy so that a leaked copy can be traced.</summary>
public class CirculationRecipient
{
    public Guid Id { get; set; }
    public Guid CirculationId { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }

    /// <summary>Unique per recipient (e.g. "R7K2-9QXM").</summary>
    public required string Reference { get; set; }
    public Guid? RegistrationId { get; set; }

    /// <summary>The latest outbox message to this recipient (a resend replaces it); its status is the delivery status.</summary>
    public Guid? OutboundEmailId { get; set; }
}
