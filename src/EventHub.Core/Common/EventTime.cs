using System.Globalization;
using NodaTime;
using NodaTime.TimeZones;

namespace EventHub.Core.Common;

/// <summary>
/// Conversions between the UTC instants we store and the wall-clock time of an event's IANA time zone.
/// NodaTime (a dependency of Ical.Net anyway) gives exact daylight-saving handling and zone abbreviations (CEST).
/// </summary>
public static class EventTime
{
    private static readonly IDateTimeZoneProvider Zones = DateTimeZoneProviders.Tzdb;

    public static bool IsKnownZone(string? timeZoneId) => !string.IsNullOrWhiteSpace(timeZoneId) && Zones.GetZoneOrNull(timeZoneId) is not null;

    public static IReadOnlyList<string> ZoneIds => Zones.Ids;

    /// <summary>
    /// The years a wall-clock time typed into a form may fall in. Outside them it is a typo (0025, 20250), and near
    /// DateTime's ends the conversion to UTC would overflow: check before calling <see cref="ToUtc"/>.
    /// </summary>
    public const int FirstYear = 2000, LastYear = 2100;

    public static bool IsPlausible(DateTime local) => local.Year is >= FirstYear and <= LastYear;

    public static string ImplausibleMessage => $"Enter a date between the years {FirstYear} and {LastYear}.";

    /// <summary>Converts a wall-clock time in the zone to UTC; null when that local time does not exist (skipped by a daylight-saving change).</summary>
    public static DateTime? ToUtc(DateTime local, string timeZoneId)
    {
        var zone = Zones[timeZoneId];
        var mapping = zone.MapLocal(LocalDateTime.FromDateTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)));
        return mapping.Count switch
        {
            0 => null,
            // An ambiguous time (the repeated hour in autumn): take the earlier, as calendars do.
            _ => mapping.First().ToDateTimeUtc(),
        };
    }

    public static DateTime ToLocal(DateTime utc, string timeZoneId)
    {
        var instant = Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return instant.InZone(Zones[timeZoneId]).ToDateTimeUnspecified();
    }

    /// <summary>The zone's abbreviation at that instant, e.g. CEST; falls back to the UTC offset.</summary>
    public static string Abbreviation(DateTime utc, string timeZoneId)
    {
        var instant = Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        var interval = Zones[timeZoneId].GetZoneInterval(instant);
        var name = interval.Name;
        return string.IsNullOrEmpty(name) || name.StartsWith('+') || name.StartsWith('-')
            ? "UTC" + interval.WallOffset.ToString("m", CultureInfo.InvariantCulture)
            : name;
    }

    /// <summary>"Wednesday 29 June 2022, 10:00 CEST".</summary>
    public static string Format(DateTime utc, string timeZoneId, string pattern = "dddd d MMMM yyyy, HH:mm")
        => ToLocal(utc, timeZoneId).ToString(pattern, CultureInfo.GetCultureInfo("en-GB")) + " " + Abbreviation(utc, timeZoneId);

    /// <summary>"in 3 days", "2 hours ago": shown beside a time.</summary>
    public static string Relative(DateTime utc, DateTime nowUtc)
    {
        var span = utc - nowUtc;
        var future = span > TimeSpan.Zero;
        var abs = span.Duration();
        string amount = abs.TotalMinutes < 1 ? "less than a minute"
            : abs.TotalHours < 1 ? Plural((int)abs.TotalMinutes, "minute")
            : abs.TotalDays < 1 ? Plural((int)abs.TotalHours, "hour")
            : Plural((int)abs.TotalDays, "day");
        return future ? $"in {amount}" : $"{amount} ago";

        static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
    }
}

/// <summary>A time zone as a list offers it: "Europe/Brussels · CET, UTC+01:00" (abbreviation and offset at the given instant).</summary>
public sealed record TimeZoneChoice(string Id, string Label, string Region);

public static class TimeZoneChoices
{
    /// <summary>
    /// Every geographic IANA zone (Region/City; the legacy aliases such as "CET" or "US/Eastern" left out), labelled as at
    /// <paramref name="nowUtc"/>, sorted by region then name: what a time zone list offers and its search filters.
    /// </summary>
    public static IReadOnlyList<TimeZoneChoice> All(DateTime nowUtc)
        => EventTime.ZoneIds
            .Where(id => id.Contains('/') && !id.StartsWith("Etc/", StringComparison.Ordinal) && char.IsUpper(id[0]) && id.Split('/')[0] is "Africa" or "America" or "Antarctica" or "Asia" or "Atlantic" or "Australia" or "Europe" or "Indian" or "Pacific")
            .Select(id => Describe(id, nowUtc))
            .Append(Describe("UTC", nowUtc))
            .OrderBy(z => z.Region, StringComparer.Ordinal).ThenBy(z => z.Id, StringComparer.Ordinal)
            .ToList();

    public static TimeZoneChoice Describe(string id, DateTime nowUtc)
    {
        var offset = EventTime.ToLocal(nowUtc, id) - DateTime.SpecifyKind(nowUtc, DateTimeKind.Unspecified);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abbreviation = EventTime.Abbreviation(nowUtc, id);
        var utcOffset = $"UTC{sign}{offset.Duration():hh\\:mm}";
        var label = abbreviation.StartsWith("UTC", StringComparison.Ordinal) ? $"{id.Replace('_', ' ')} · {utcOffset}" : $"{id.Replace('_', ' ')} · {abbreviation}, {utcOffset}";
        return new TimeZoneChoice(id, label, id.Contains('/') ? id[..id.IndexOf('/')] : "UTC");
    }

    /// <summary>The choices whose name, abbreviation or offset contain every word of <paramref name="search"/> (any case).</summary>
    public static IEnumerable<TimeZoneChoice> Matching(IEnumerable<TimeZoneChoice> choices, string? search)
    {
        var words = (search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return choices.Where(c => words.All(w => c.Label.Contains(w, StringComparison.OrdinalIgnoreCase) || c.Id.Contains(w, StringComparison.OrdinalIgnoreCase)));
    }
}
