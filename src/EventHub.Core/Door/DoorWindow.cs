using EventHub.Core.Common;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Door;

/// <summary>When the door admits without asking: the event's day(s) in its own time zone, widened by the configured days.</summary>
public sealed record DoorDay(DateTime OpensAtUtc, DateTime ClosesAtUtc, string TimeZoneId)
{
    public bool Contains(DateTime utc) => utc >= OpensAtUtc && utc < ClosesAtUtc;

    /// <summary>"Wednesday 9 December 2026" or "Tuesday 8 – Thursday 10 December 2026", in the event's zone (British English unless a culture is given).</summary>
    public string Describe(System.Globalization.CultureInfo? culture = null)
    {
        var first = EventTime.ToLocal(OpensAtUtc, TimeZoneId).Date;
        var last = EventTime.ToLocal(ClosesAtUtc, TimeZoneId).Date.AddDays(-1);
        culture ??= System.Globalization.CultureInfo.GetCultureInfo("en-GB");
        return first == last
            ? first.ToString("dddd d MMMM yyyy", culture)
            : $"{first.ToString("dddd d MMMM", culture)} – {last.ToString("dddd d MMMM yyyy", culture)}";
    }

    /// <summary>The warning the door shows before an admission outside the window.</summary>
    public string Warning(DateTime nowUtc) => nowUtc < OpensAtUtc
        ? $"The door opens on {Describe()}: this is before the event's day."
        : $"The door closed after {Describe()}: the event is over.";
}

public sealed class DoorWindow(IOptions<DoorOptions> options)
{
    public DoorDay For(DateTime startsAtUtc, DateTime endsAtUtc, string timeZoneId)
    {
        var o = options.Value;
        var firstDay = EventTime.ToLocal(startsAtUtc, timeZoneId).Date.AddDays(-o.DaysBefore);
        var lastDay = EventTime.ToLocal(endsAtUtc < startsAtUtc ? startsAtUtc : endsAtUtc, timeZoneId).Date.AddDays(1 + o.DaysAfter);
        return new DoorDay(StartOfDay(firstDay, timeZoneId), StartOfDay(lastDay, timeZoneId), timeZoneId);
    }

    /// <summary>Midnight in the zone; where a daylight-saving change skips midnight, the first instant of that day.</summary>
    private static DateTime StartOfDay(DateTime localDate, string timeZoneId)
    {
        for (var minutes = 0; minutes <= 120; minutes += 30)
        {
            if (EventTime.ToUtc(localDate.AddMinutes(minutes), timeZoneId) is { } utc)
            {
                return utc;
            }
        }

        return DateTime.SpecifyKind(localDate, DateTimeKind.Utc);
    }
}
