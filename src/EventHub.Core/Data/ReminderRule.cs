namespace EventHub.Core.Data;

public enum ReminderKind
{
    /// <summary>To invitees who have not answered, <see cref="ReminderRule.DaysAfterSending"/> days after the invitation, at most <see cref="ReminderRule.MaxNudges"/> times.</summary>
    RsvpNudge = 0,

    /// <summary>To registered attendees, <see cref="ReminderRule.DaysBefore"/> days before the event at <see cref="ReminderRule.LocalTime"/> in the event's zone.</summary>
    BeforeEvent = 1,

    /// <summary>A one-off message to an audience at <see cref="ReminderRule.SendAtUtc"/>.</summary>
    OneOff = 2,
}

public enum ReminderAudience
{
    /// <summary>Invitees who have not answered.</summary>
    NonResponders = 0,

    /// <summary>Registered attendees (pending or approved).</summary>
    Registered = 1,

    /// <summary>Everyone invited whose invitation is still open or accepted.</summary>
    AllInvitees = 2,
}

/// <summary>
/// A reminder an event sends. QueueDueReminders turns due rules into outbox rows with the key
/// reminder:{rule}:{recipient}[:{n}], so each rule reaches each recipient at most once, whatever runs twice.
/// </summary>
public class ReminderRule
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public Event? Event { get; set; }
    public ReminderKind Kind { get; set; }
    public bool Enabled { get; set; } = true;

    public int? DaysAfterSending { get; set; }
    public int? MaxNudges { get; set; }

    public int? DaysBefore { get; set; }
    public TimeOnly? LocalTime { get; set; }

    public DateTime? SendAtUtc { get; set; }
    public ReminderAudience? Audience { get; set; }

    public required string Subject { get; set; }
    public required string Message { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
