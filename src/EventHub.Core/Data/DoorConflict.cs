namespace EventHub.Core.Data;

public enum DoorConflictKind
{
    /// <summary>Another door had already admitted the same registration (both offline): the first recorded check-in stands.</summary>
    SecondAdmission = 0,

    /// <summary>A device admitted a pass offline that had been revoked (or whose registration was no longer approved) meanwhile.</summary>
    RefusedPass = 1,
}

/// <summary>
/// An offline admission the database could not count: nothing a door did is lost, and nothing is counted twice. Shown to
/// the organisers on the door and event pages ("also admitted at the side door at 10:02 by Marc").
/// </summary>
public class DoorConflict
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public Guid? RegistrationId { get; set; }

    /// <summary>The check-in that counts (for <see cref="DoorConflictKind.SecondAdmission"/>).</summary>
    public Guid? CheckInId { get; set; }

    /// <summary>The device's own id for the admission: sending it again changes nothing.</summary>
    public Guid ClientId { get; set; }

    public DoorConflictKind Kind { get; set; }
    public required string Name { get; set; }
    public string? OrganisationName { get; set; }

    /// <summary>When the device admitted the person (its clock).</summary>
    public DateTime AtUtc { get; set; }
    public string? Device { get; set; }
    public string? ByName { get; set; }
    public Guid? DoorSessionId { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}
