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
