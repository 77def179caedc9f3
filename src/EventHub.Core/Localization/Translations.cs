using System.Globalization;
using Microsoft.Extensions.Localization;

namespace EventHub.Core.Localization;

/// <summary>
/// Texts and dates in one person's language, passed explicitly: what every email, calendar entry, access pass and
/// circulated file uses, so none depends on the culture of the thread that happens to write it.
/// </summary>
public sealed class Translations(ResourceTextLocalizerFactory factory)
{
    /// <summary>The texts outside the team (personal-link pages and emails) in <paramref name="language"/>.</summary>
    public Texts For(string? language)
    {
        var culture = Culture(language);
        return new Texts(factory.Create(typeof(PublicText), culture), factory.Create(typeof(PlainWords), culture), culture);
    }

    /// <summary>The texts in the request's language (pages: set by request localization, the person's on personal links).</summary>
    public Texts Current => For(Languages.CodeOf(CultureInfo.CurrentUICulture));

    /// <summary>A rule's English message in the request's language: the public texts', else the staff screens', else as written.</summary>
    public string Message(string english)
    {
        var culture = Culture(Languages.CodeOf(CultureInfo.CurrentUICulture));
        return LocalizedMessages.Translate(factory.Create(typeof(PublicText), culture), nameof(PublicText), english)
               ?? LocalizedMessages.Translate(factory.Create(typeof(StaffText), culture), nameof(StaffText), english)
               ?? english;
    }

    /// <summary>The culture for a language code; the pseudo-locale when the app runs in it.</summary>
    public CultureInfo Culture(string? language) => factory.Pseudo ? PseudoLocale.Culture : Languages.Culture(language);
}

/// <summary>One language's texts: <c>T["Key"]</c>, <c>T["Key", arg]</c>, plain words for enums, and dates in the event's zone.</summary>
public sealed class Texts(IStringLocalizer text, IStringLocalizer words, CultureInfo culture)
{
    public CultureInfo Culture => culture;

    /// <summary>The two-letter code ("fr"); "qps" in the pseudo-locale.</summary>
    public string Language => Languages.CodeOf(culture);

    public string this[string key] => text[key];

    public string this[string key, params object[] arguments] => text[key, arguments];

    /// <summary>
    /// A message a rule wrote in English (validation, refusals), translated where the resources know it ("Msg:" + the
    /// English text); otherwise as written.
    /// </summary>
    public string Message(string english) => LocalizedMessages.Translate(text, nameof(PublicText), english) ?? english;

    /// <summary>The plain word for an enum value ("EU institution", "Approved").</summary>
    public string Word<TEnum>(TEnum value) where TEnum : struct, Enum => words[PlainWords.Key(value)];

    /// <summary>"jeudi 17 décembre 2026, 10:00 (CET)" in the event's zone.</summary>
    public string DateTime(DateTime utc, string timeZoneId, bool withZone = true) => LocalDates.Format(utc, timeZoneId, culture, text[LocalDates.LongPattern], withZone ? text : null);

    /// <summary>"10:00" (German: "10:00 Uhr") in the event's zone.</summary>
    public string Time(DateTime utc, string timeZoneId) => LocalDates.Format(utc, timeZoneId, culture, text[LocalDates.TimePattern], null);

    /// <summary>"jeudi 17 décembre, 10:00 (CET)": a near date, without the year.</summary>
    public string DayAndTime(DateTime utc, string timeZoneId) => LocalDates.Format(utc, timeZoneId, culture, text[LocalDates.DayPattern], text);
}

/// <summary>
/// Messages the rules write in English, translated through the resources: the key is "Msg:" + the English text; a key
/// with placeholders ("Msg:Answer “{0}”.") matches any message of that shape and carries its values over.
/// </summary>
public static class LocalizedMessages
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<(System.Text.RegularExpressions.Regex Pattern, string Key)>> Patterns = new();

    /// <summary>The translation, or null when the resource does not know the message.</summary>
    /// <param name="resource">Names the resource behind <paramref name="localizer"/> (its patterns are built once).</param>
    public static string? Translate(IStringLocalizer localizer, string resource, string english)
    {
        var found = localizer["Msg:" + english];
        if (!found.ResourceNotFound)
        {
            return found.Value;
        }

        foreach (var (pattern, key) in Patterns.GetOrAdd(resource, _ => Build(localizer)))
        {
            if (pattern.Match(english) is { Success: true } m)
            {
                return localizer[key, m.Groups.Values.Skip(1).Select(g => (object)g.Value).ToArray()];
            }
        }

        return null;
    }

    private static IReadOnlyList<(System.Text.RegularExpressions.Regex, string)> Build(IStringLocalizer localizer) => localizer.GetAllStrings(false)
        .Select(s => s.Name)
        .Where(n => n.StartsWith("Msg:", StringComparison.Ordinal) && n.Contains("{0}", StringComparison.Ordinal))
        .Select(n => (new System.Text.RegularExpressions.Regex(
            "^" + System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Escape(n[4..]), @"\\\{(\d+)}", "(.+?)") + "$",
            System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), n))
        .ToList();
}
