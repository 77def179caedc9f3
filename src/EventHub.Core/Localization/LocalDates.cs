using System.Globalization;
using EventHub.Core.Common;
using Microsoft.Extensions.Localization;

namespace EventHub.Core.Localization;

/// <summary>Dates in a language and an event's time zone; the patterns are resources, so each language keeps its own shape.</summary>
public static class LocalDates
{
    public const string LongPattern = ResourceTextLocalizer.PatternPrefix + "DateTime";
    public const string TimePattern = ResourceTextLocalizer.PatternPrefix + "Time";
    public const string DayPattern = ResourceTextLocalizer.PatternPrefix + "DayTime";

    /// <param name="zoneFormat">When given, the zone's abbreviation is added as its "Format.WithZone" says.</param>
    public static string Format(DateTime utc, string timeZoneId, CultureInfo culture, string pattern, IStringLocalizer? zoneFormat)
    {
        var local = EventTime.ToLocal(utc, timeZoneId).ToString(pattern, culture);
        return zoneFormat is null ? local : zoneFormat["Format.WithZone", local, EventTime.Abbreviation(utc, timeZoneId)];
    }
}
