namespace EventHub.Core.Data;

/// <summary>
/// One door device's credential for the offline door, opened by an organiser. The device holds a 32-byte random token
/// (only its SHA-256 is kept here) and receives the key that encrypts its copy of the door list. It stops working when an
/// organiser revokes it, when the device signs out, or after the event's door day (<see cref="ExpiresAtUtc"/>).
/// </summary>
public class DoorSession
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }

    /// <summary>Where the device stands, e.g. "Side door, phone 2": recorded with each of its check-ins.</summary>
    public required string Label { get; set; }

    /// <summary>Who holds the device (the name shown with "admitted by …"); null: the label stands for it.</summary>
    public string? StaffName { get; set; }

    public required string TokenHash { get; set; }

    /// <summary>The device's list key (32 random bytes), protected with Data Protection (purpose "EventHub.DoorSession").</summary>
    public required string ProtectedListKey { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedByUserId { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }

    /// <summary>Who ended it: an organiser's name, or "the device" when the door staff signed out.</summary>
    public string? RevokedBy { get; set; }

    public DateTime? LastSeenAtUtc { get; set; }
}
