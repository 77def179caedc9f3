namespace EventHub.Core.Data;

/// <summary>
/// Attendance of one agenda item (who was in the closed-door discussion), where the event checks sessions in separately.
/// At most one per registration and agenda item; the report's circulation can address "attendees of this session".
/// </summary>
public class AgendaCheckIn
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public Guid AgendaItemId { get; set; }
    public Guid RegistrationId { get; set; }

    /// <summary>The offline device's id for the check-in, when it came from one (idempotent sync).</summary>
    public Guid? ClientId { get; set; }

    public DateTime AtUtc { get; set; }
    public string? ByName { get; set; }
    public string? Device { get; set; }
}
