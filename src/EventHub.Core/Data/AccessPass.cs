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
