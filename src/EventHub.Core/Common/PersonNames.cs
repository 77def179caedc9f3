using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EventHub.Core.Common;

/// <summary>
/// Whether two spellings of a name are the same person's: titles ("Dr", "Prof.", "H.E."), accents, case, punctuation and
/// the order of the names do not count; anything else (another given name, another family name) does.
/// </summary>
public static partial class PersonNames
{
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "hon", "honourable", "rt",
        "amb", "ambassador", "mp", "mep", "phd", "md", "dphil", "llm", "mba", "jr", "sr", "ing", "dipl", "mag", "herr", "frau",
        "mme", "mlle", "m", "sig", "sra", "sr", "don", "dona", "rev", "fr", "gen", "col", "maj", "capt", "judge", "justice",
    };

    public static bool SamePerson(string? a, string? b) => Key(a) == Key(b);

    /// <summary>The name's words without titles or accents, lower case, in order: "Dr. José  Ruiz" and "RUIZ, Jose" give "jose ruiz".</summary>
    public static string Key(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var text = HisExcellency().Replace(name, " ");
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(ch switch { 'ß' => "ss", 'ø' or 'Ø' => "o", 'ł' or 'Ł' => "l", 'æ' or 'Æ' => "ae", 'đ' or 'Đ' => "d", _ => ch.ToString() });
            }
        }

        var words = NonLetters().Split(plain.ToString().ToLowerInvariant())
            .Where(w => w.Length > 0 && !Titles.Contains(w))
            .Order(StringComparer.Ordinal);
        return string.Join(' ', words);
    }

    [GeneratedRegex(@"\bH\.?\s?E\.(?=\s|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HisExcellency();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonLetters();
}
