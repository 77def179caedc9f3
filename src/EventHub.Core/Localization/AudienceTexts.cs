using EventHub.Core.Data;

namespace EventHub.Core.Localization;

/// <summary>
/// Texts organisers write (an invitation, a reminder, a one-off message) come in one version per language of their
/// audience. The English one is required; another language without a version is refused before sending, unless the
/// organiser chose to send those people the English text.
/// </summary>
public static class AudienceTexts
{
    /// <summary>A rule's subject and message for a reader of <paramref name="language"/>: their version, else the English.</summary>
    public static (string Subject, string Message) For(ReminderRule rule, string? language)
        => rule.Translations.FirstOrDefault(t => t.Language == language) is { } text ? (text.Subject, text.Message) : (rule.Subject, rule.Message);

    /// <summary>The languages of an audience that have no version: each with how many people read it.</summary>
    public static IReadOnlyList<(string Language, int People)> Missing(IEnumerable<string> audienceLanguages, IEnumerable<string> languagesWithText)
    {
        var have = languagesWithText.Append(Languages.English).ToHashSet();
        return audienceLanguages.Select(Languages.OrDefault).Where(l => !have.Contains(l))
            .GroupBy(l => l).Select(g => (g.Key, g.Count())).OrderBy(x => Languages.Supported.ToList().IndexOf(x.Key)).ToList();
    }

    /// <summary>
    /// "3 people read French and there is no French text: write it, or choose to send them the English text." (in the
    /// staff member's language; the language named in it too).
    /// </summary>
    public static string MissingMessage(Texts staff, IReadOnlyList<(string Language, int People)> missing)
        => string.Join(" ", missing.Select(m => staff[m.People == 1 ? "Audience.MissingOne" : "Audience.MissingMany", m.People, staff["Language." + m.Language]]));

    /// <summary>The versions given, cleaned: only other supported languages, only complete ones.</summary>
    public static List<LocalizedText> Clean(IEnumerable<LocalizedText>? versions)
        => (versions ?? []).Where(v => Languages.IsSupported(v.Language) && v.Language != Languages.English
                                       && !string.IsNullOrWhiteSpace(v.Subject) && !string.IsNullOrWhiteSpace(v.Message))
            .GroupBy(v => v.Language).Select(g => new LocalizedText { Language = g.Key, Subject = g.First().Subject.Trim(), Message = g.First().Message.Trim() })
            .ToList();
}
