using System.Text;
using EventHub.Core.Data;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace EventHub.Core.Registrations;

/// <summary>
/// Builds the calendar entry of an approved registration: title, start and end in the event's own time zone (TZID, with its
/// VTIMEZONE so every calendar application reads the same wall-clock time), the exact venue, and a description in the
/// attendee's language.
/// </summary>
public static class CalendarEntry
{
    /// <summary>The .ics of an approved registration: on the attendee's page and attached to the approval email.</summary>
    public static CalendarFile Build(Registration r, Event e, Localization.Texts t)
    {
        var calendar = new Calendar();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(e.TimeZoneId);
        var starts = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(e.StartsAtUtc, DateTimeKind.Utc), zone);
        var ends = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(e.EndsAtUtc, DateTimeKind.Utc), zone);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(e.TimeZoneId, starts.AddYears(-1), includeHistoricalData: false));
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"{r.Id}@eventhub",
            Summary = e.Title,
            DtStart = new CalDateTime(DateTime.SpecifyKind(starts, DateTimeKind.Unspecified), e.TimeZoneId),
            DtEnd = new CalDateTime(DateTime.SpecifyKind(ends, DateTimeKind.Unspecified), e.TimeZoneId),
            // Calendar clients show the description as written: in the attendee's language, with the Rule in full.
            Location = string.Join(", ", new[] { e.Venue, e.City }.Where(x => !string.IsNullOrWhiteSpace(x))),
            Description = t["Calendar.Description"] + "\n\n" + t["Rule.Text"] + " (" + t["Rule.Source"] + ")",
        });
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return new CalendarFile(Encoding.UTF8.GetBytes(text), t["Calendar.FileName"]);
    }
}
