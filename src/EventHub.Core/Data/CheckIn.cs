namespace EventHub.Core.Data;

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

    /// <summary>The offline door's own id for this admission: a device that sends it again changes nothing.</summary>
    public Guid? ClientId { get; set; }

    /// <summary>The offline door session that admitted the person, if any.</summary>
    public Guid? DoorSessionId { get; set; }

    /// <summary>Required for an override.</summary>
    public string? Reason { get; set; }
}
