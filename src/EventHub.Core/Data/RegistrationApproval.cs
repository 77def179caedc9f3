namespace EventHub.Core.Data;

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

    /// <summary>
    /// An organiser's approval that allows going beyond the event's capacity: it counts when the last required group approves,
    /// whichever group that is.
    /// </summary>
    public bool OverridesCapacity { get; set; }

    /// <summary>Why going beyond capacity was allowed (audited).</summary>
    public string? OverrideReason { get; set; }

    /// <summary>Decisions made before the person changed a vetted field are kept for the record but no longer count.</summary>
    public bool Superseded { get; set; }
}
