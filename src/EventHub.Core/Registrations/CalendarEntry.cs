using System.Text;
using EventHub.Core.Data;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace EventHub.Core.Registrations;

/// <summary>Builds the calendar entry of an approved registration: title, start and end in UTC, the exact venue, and a description in the attendee's language.</summary>
public static class CalendarEntry
{
    /// <summary>The .ics of an approved registration: on the attendee's page and attached to the approval email.</summary>
    public static CalendarFile Build(Registration r, Event e, Localization.Texts t)
    {
        var calendar = new Calendar();
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"{r.Id}@eventhub",
            Summary = e.Title,
            // Calendar clients show the description as written: in the attendee's language, with the Rule in full.
            DtStart = new CalDateTime(DateTime.SpecifyKind(e.StartsAtUtc, DateTimeKind.Utc)),
            DtEnd = new CalDateTime(DateTime.SpecifyKind(e.EndsAtUtc, DateTimeKind.Utc)),
            Location = string.Join(", ", new[] { e.Venue, e.City }.Where(x => !string.IsNullOrWhiteSpace(x))),
            Description = t["Calendar.Description"] + "\n\n" + t["Rule.Text"] + " (" + t["Rule.Source"] + ")",
        });
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return new CalendarFile(Encoding.UTF8.GetBytes(text), t["Calendar.FileName"]);
    }
}
