namespace EventHub.Core.Data;

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

    /// <summary>The subject and message in the other languages of the audience (<see cref="Subject"/>/<see cref="Message"/> are the English).</summary>
    public List<LocalizedText> Translations { get; set; } = [];

    /// <summary>The organiser chose to send the English text to people whose language has no version.</summary>
    public bool EnglishWhereMissing { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
