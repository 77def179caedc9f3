using EventHub.Core.Common;
using EventHub.Core.Data;

namespace EventHub.Core.Features.Reminders;

/// <summary>When reminders are due, computed in the event's time zone so that "09:00" stays 09:00 across daylight-saving changes.</summary>
public static class ReminderSchedule
{
    public static readonly TimeOnly DefaultLocalTime = new(9, 0);

    /// <summary>The instant a before-event rule sends: DaysBefore days before the event's local start date, at LocalTime there.</summary>
    public static DateTime BeforeEventSendAtUtc(ReminderRule rule, Event e)
    {
        var localDate = EventTime.ToLocal(e.StartsAtUtc, e.TimeZoneId).Date.AddDays(-(rule.DaysBefore ?? 1));
        var local = localDate + (rule.LocalTime ?? DefaultLocalTime).ToTimeSpan();
        // A wall-clock time skipped by a daylight-saving change: send an hour later, when the clock shows it again.
        return EventTime.ToUtc(local, e.TimeZoneId) ?? EventTime.ToUtc(local.AddHours(1), e.TimeZoneId)!.Value;
    }

    /// <summary>When invitation <paramref name="invitation"/> gets its next nudge under <paramref name="rule"/>.</summary>
    public static DateTime NextNudgeAtUtc(ReminderRule rule, Invitation invitation)
        => invitation.SentAtUtc.AddDays((rule.DaysAfterSending ?? 7) * (invitation.NudgesSent + 1));

    /// <summary>The rules a new event starts with: a nudge after 7 days (at most 2), and reminders 7 days and 1 day before, at 09:00.</summary>
    public static IEnumerable<ReminderRule> Defaults(Guid eventId, DateTime nowUtc)
    {
        yield return new ReminderRule
        {
            Id = Guid.CreateVersion7(), EventId = eventId, Kind = ReminderKind.RsvpNudge, DaysAfterSending = 7, MaxNudges = 2, CreatedAtUtc = nowUtc,
            Subject = "Reminder: {event}",
            Message = "Dear {name},\n\nMay we remind you of our invitation to \"{event}\" on {date} in {city}? We would be grateful for your answer, through your personal link below, whether or not you can attend.\n\nWith kind regards",
        };
        foreach (var days in new[] { 7, 1 })
        {
            yield return new ReminderRule
            {
                Id = Guid.CreateVersion7(), EventId = eventId, Kind = ReminderKind.BeforeEvent, DaysBefore = days, LocalTime = DefaultLocalTime, CreatedAtUtc = nowUtc,
                Subject = days == 1 ? "Tomorrow: {event}" : "In one week: {event}",
                Message = "Dear {name},\n\nThis is a reminder of \"{event}\" on {date} in {city}. The meeting is held under the Chatham House Rule.\n\nWe look forward to welcoming you.",
            };
        }
    }
}
