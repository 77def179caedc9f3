using System.Globalization;
using EventHub.Core.Common;
using EventHub.Core.Localization;
using Microsoft.Extensions.Localization;

namespace EventHub.Web.Components.Shared;

/// <summary>
/// Times on the staff screens in the staff member's language and the event's zone ("jeu. 17 déc., 10:00 CET"), and how far
/// away they are ("in 3 days", "vor 2 Stunden").
/// </summary>
public sealed class StaffTime(Translations translations, IStringLocalizer<StaffText> text, IStringLocalizer<PublicText> zoneFormat)
{
    /// <summary>The culture of the request's language (the pseudo-locale when the app runs in it).</summary>
    public CultureInfo Culture => translations.Culture(Languages.CodeOf(CultureInfo.CurrentUICulture));

    /// <summary>The local time in <paramref name="pattern"/>, with the zone's abbreviation.</summary>
    public string Format(DateTime utc, string timeZoneId, string pattern = "ddd d MMM yyyy, HH:mm")
        => LocalDates.Format(utc, timeZoneId, Culture, pattern, zoneFormat);

    /// <summary>The local time in <paramref name="pattern"/>, without the zone.</summary>
    public string Local(DateTime utc, string timeZoneId, string pattern)
        => LocalDates.Format(utc, timeZoneId, Culture, pattern, null);

    /// <summary>"in 3 days", "2 hours ago".</summary>
    public string Relative(DateTime utc, DateTime nowUtc)
    {
        var span = utc - nowUtc;
        var abs = span.Duration();
        var amount = abs.TotalMinutes < 1 ? text["Time.LessThanAMinute"].Value
            : abs.TotalHours < 1 ? Amount((int)abs.TotalMinutes, "Minute")
            : abs.TotalDays < 1 ? Amount((int)abs.TotalHours, "Hour")
            : Amount((int)abs.TotalDays, "Day");
        return span > TimeSpan.Zero ? text["Time.In", amount] : text["Time.Ago", amount];

        string Amount(int n, string unit) => text[n == 1 ? $"Time.{unit}.One" : $"Time.{unit}.Many", n];
    }
}
