namespace EventHub.Core.Data;

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
