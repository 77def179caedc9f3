using System.Text;
using EventHub.Core.Data;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace EventHub.Core.Registrations;

/// <summary>Builds the calendar entry of an approved registration: title, start and end in UTC, and the exact venue.</summary>
public static class CalendarEntry
{
    /// <summary>The .ics of an approved registration: on the attendee's page and attached to the approval email.</summary>
    public static CalendarFile Build(Registration r, Event e)
    {
        var calendar = new Calendar();
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"{r.Id}@eventhub",
            Summary = e.Title,
            DtStart = new CalDateTime(DateTime.SpecifyKind(e.StartsAtUtc, DateTimeKind.Utc)),
            DtEnd = new CalDateTime(DateTime.SpecifyKind(e.EndsAtUtc, DateTimeKind.Utc)),
            Location = string.Join(", ", new[] { e.Venue, e.City }.Where(x => !string.IsNullOrWhiteSpace(x))),
            Description = "Held under the Chatham House Rule.",
        });
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return new CalendarFile(Encoding.UTF8.GetBytes(text), "event.ics");
    }
}
