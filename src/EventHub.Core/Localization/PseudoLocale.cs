using System.Globalization;
using System.Text;

namespace EventHub.Core.Localization;

/// <summary>
/// A pseudo-locale in the manner of Windows' qps-ploc: every translated text becomes "⟦Ŧĥé ţéxţ⟧", readable but visibly
/// transformed, so a screen run in it shows at a glance any text that does not go through the resources.
/// Placeholders ({0}) stay as they are; day and month names are transformed too.
/// </summary>
public static class PseudoLocale
{
    public const string Name = "qps-ploc";
    public const char Open = '⟦', Close = '⟧';

    private const string Plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Accented = "áƀçđéƒĝĥíĵķĺɱñóþǫŕšţúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓÞǪŔŠŢÚṼŴẊÝŽ";

    public static CultureInfo Culture { get; } = Build();

    public static bool Is(CultureInfo culture) => culture.Name.Equals(Name, StringComparison.OrdinalIgnoreCase);

    public static string Transform(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append(Open);
        var depth = 0;
        foreach (var c in text)
        {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            var i = depth > 0 || c == '}' ? -1 : Plain.IndexOf(c);
            sb.Append(i < 0 ? c : Accented[i]);
        }

        return sb.Append(Close).ToString();
    }

    /// <summary>Only the letters, for names inside dates (no brackets around "ĵéúđí").</summary>
    private static string Letters(string text) => new(text.Select(c => Plain.IndexOf(c) is var i and >= 0 ? Accented[i] : c).ToArray());

    private static CultureInfo Build()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(Name).Clone();
        var f = culture.DateTimeFormat;
        var en = CultureInfo.GetCultureInfo("en-GB").DateTimeFormat;
        f.DayNames = en.DayNames.Select(Letters).ToArray();
        f.AbbreviatedDayNames = en.AbbreviatedDayNames.Select(Letters).ToArray();
        f.MonthNames = en.MonthNames.Select(Letters).ToArray();
        f.AbbreviatedMonthNames = en.AbbreviatedMonthNames.Select(Letters).ToArray();
        f.MonthGenitiveNames = en.MonthGenitiveNames.Select(Letters).ToArray();
        f.AbbreviatedMonthGenitiveNames = en.AbbreviatedMonthGenitiveNames.Select(Letters).ToArray();
        return CultureInfo.ReadOnly(culture);
    }
}
