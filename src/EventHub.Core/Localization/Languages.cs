using System.Globalization;

namespace EventHub.Core.Localization;

/// <summary>
/// The languages EventHub speaks, by their two-letter codes as stored on contacts, invitations, registrations and staff
/// accounts. Adding one: its code here, a <c>.xx.resx</c> beside every resource file, and nothing else.
/// </summary>
public static class Languages
{
    public const string English = "en";
    public const string French = "fr";
    public const string German = "de";

    /// <summary>The pseudo-locale: every translated text visibly transformed (tests and translators).</summary>
    public const string Pseudo = "qps";

    /// <summary>The language texts are written in first, and the one used when a person has none.</summary>
    public const string Default = English;

    public static IReadOnlyList<string> Supported { get; } = [English, French, German];

    // The specific cultures give dates and numbers their local shape (en-GB: "Thursday 17 December 2026").
    private static readonly IReadOnlyDictionary<string, string> SpecificCultures = new Dictionary<string, string>
    {
        [English] = "en-GB",
        [French] = "fr-FR",
        [German] = "de-DE",
    };

    public static bool IsSupported(string? code) => code is not null && Supported.Contains(code);

    /// <summary>"de", "DE", "de-AT", "Deutsch", "German" → "de"; empty → null; anything else → null.</summary>
    public static string? Parse(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }

        var code = t.Split('-', '_')[0].ToLowerInvariant();
        if (IsSupported(code))
        {
            return code;
        }

        return Supported.FirstOrDefault(c =>
            string.Equals(NativeName(c), t, StringComparison.OrdinalIgnoreCase)
            || string.Equals(CultureInfo.GetCultureInfo(c).EnglishName, t, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A stored code, or the default for null and unknown values (a row written before languages existed).</summary>
    public static string OrDefault(string? code) => IsSupported(code) ? code! : Default;

    /// <summary>The language's name in itself: what a language menu shows ("Deutsch").</summary>
    public static string NativeName(string code) => code switch
    {
        English => "English",
        French => "Français",
        German => "Deutsch",
        _ => code,
    };

    /// <summary>The culture of a language: the specific one for dates and numbers; the pseudo-locale for <see cref="Pseudo"/>.</summary>
    public static CultureInfo Culture(string? code)
        => code == Pseudo ? PseudoLocale.Culture : CultureInfo.GetCultureInfo(SpecificCultures[OrDefault(code)]);

    /// <summary>The language code of a culture ("fr-BE" → "fr"); unsupported cultures give the default.</summary>
    public static string CodeOf(CultureInfo culture)
        => PseudoLocale.Is(culture) ? Pseudo : OrDefault(culture.TwoLetterISOLanguageName);
}
