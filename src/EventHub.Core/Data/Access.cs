namespace EventHub.Core.Data;

/// <summary>
/// An access pass issued on full approval. The QR code carries a random token, never an id: only its SHA-256 is
/// used for lookup, and the token itself is kept protected with Data Protection so the attendee's page and the
/// approval email can show the same code again.
/// </summary>
public class AccessPass
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public Guid RegistrationId { get; set; }
    public Registration? Registration { get; set; }
    public required string TokenHash { get; set; }

    /// <summary>The token, protected with Data Protection (purpose "EventHub.AccessPass").</summary>
    public required string ProtectedToken { get; set; }

    public DateTime IssuedAtUtc { get; set; }

    /// <summary>Void from this moment: revoked by an organiser, or the registration was cancelled or rejected after approval.</summary>
    public DateTime? VoidedAtUtc { get; set; }
    public string? VoidReason { get; set; }
}

public enum CheckInKind
{
    /// <summary>A pass scanned or typed at the door.</summary>
    Pass = 0,

    /// <summary>An approved attendee found by name at the door.</summary>
    NameSearch = 1,

    /// <summary>A person admitted by an organiser without a valid pass (walk-in or problem case), with a reason.</summary>
    Override = 2,
}

/// <summary>
/// One admission at the door. At most one per registration: a unique index on <see cref="RegistrationId"/> makes two
/// doors scanning the same pass at the same moment give exactly one "admitted".
/// </summary>
public class CheckIn
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }

    /// <summary>Null for a walk-in who has no registration.</summary>
    public Guid? RegistrationId { get; set; }
    public Guid? AccessPassId { get; set; }
    public CheckInKind Kind { get; set; }

    /// <summary>The admitted person's name and organisation as shown at the door (copied for walk-ins).</summary>
    public required string Name { get; set; }
    public string? OrganisationName { get; set; }

    public DateTime AtUtc { get; set; }
    public string? ByUserId { get; set; }
    public string? ByName { get; set; }

    /// <summary>The door device's label (e.g. "Main entrance, phone 2"), chosen on the door screen.</summary>
    public string? Device { get; set; }

    /// <summary>Required for an override.</summary>
    public string? Reason { get; set; }
}

/// <summary>A pre-read document (the study): stored outside the web root, served only to the team and approved attendees.</summary>
public class EventDocument
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public required string Title { get; set; }

    /// <summary>The original file name, cleaned of any path; used only in Content-Disposition.</summary>
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }

    /// <summary>The storage key (a random name under the document store's root), never derived from the upload's name.</summary>
    public required string StorageKey { get; set; }
    public required string Sha256 { get; set; }

    public DateTime UploadedAtUtc { get; set; }
    public string? UploadedByUserId { get; set; }
    public string? UploadedByName { get; set; }
    public DateTime? DeletedAtUtc { get; set; }
}
