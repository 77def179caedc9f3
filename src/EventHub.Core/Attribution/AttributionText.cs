using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace EventHub.Core.Attribution;

/// <summary>Tokenizing and folding, shared by the draft and by the names the draft is compared with.</summary>
internal static class AttributionText
{
    private static readonly ConcurrentDictionary<char, string> FoldedChars = new();

    /// <summary>Title abbreviations whose period does not end a sentence.</summary>
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "dr", "mr", "mrs", "ms", "mx", "prof", "st", "amb", "gen", "col", "adm", "capt", "lt", "rev", "sen", "rep", "hon",
        "mme", "mlle", "no", "vs", "e", "i", "g", "etc", "cf", "approx", "dept", "univ", "inst",
    };

    /// <summary>Lower case without diacritics: "Müller" and "MÜLLER" fold to "muller", "Straße" to "strasse", "Łukasz" to "lukasz".</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        var ascii = true;
        foreach (var c in word)
        {
            if (c > 0x7F)
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
        {
            return string.Create(word.Length, word.ToString(), static (span, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    var c = source[i];
                    span[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c == '\u2019' ? '\'' : c;
                }
            });
        }

        var builder = new StringBuilder(word.Length + 2);
        foreach (var c in word)
        {
            if (c <= 0x7F)
            {
                builder.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
            }
            else
            {
                builder.Append(FoldedChars.GetOrAdd(c, FoldChar));
            }
        }

        return builder.ToString();
    }

    /// <summary>The German transliteration when the word has an umlaut ("Müller" -> "mueller"), so "MUELLER" finds "Müller".</summary>
    public static string? Transliterate(ReadOnlySpan<char> word)
    {
        if (word.IndexOfAny("äöüÄÖÜ") < 0)
        {
            return null;
        }

        var builder = new StringBuilder(word.Length + 4);
        foreach (var c in word)
        {
            switch (c)
            {
                case 'ä' or 'Ä':
                    builder.Append("ae");
                    break;
                case 'ö' or 'Ö':
                    builder.Append("oe");
                    break;
                case 'ü' or 'Ü':
                    builder.Append("ue");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return Fold(builder.ToString());
    }

    private static string FoldChar(char c)
    {
        switch (c)
        {
            case 'ß': return "ss";
            case 'æ' or 'Æ': return "ae";
            case 'œ' or 'Œ': return "oe";
            case 'ø' or 'Ø': return "o";
            case 'đ' or 'Đ': return "d";
            case 'ł' or 'Ł': return "l";
            case 'þ' or 'Þ': return "th";
            case 'ı': return "i";
            case '\u2019' or '\u2018': return "'";
            case '\u2010' or '\u2011': return "-";
        }

        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var d in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(d));
            }
        }

        return builder.ToString();
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static bool IsJoiner(char c) => c is '-' or '\u2010' or '\u2011' || IsApostrophe(c);

    /// <summary>The folded words of a name, as the draft's tokens would fold them (for building the dictionaries).</summary>
    public static List<Token> Words(string text) => Tokenize(text).Tokens;

    public static TokenizedText Tokenize(string text)
    {
        var tokens = new List<Token>(Math.Max(16, text.Length / 6));
        var sections = new List<Section> { new([]) };
        var headingStack = new List<(int Level, string Title)>();
        var sentence = 0;
        var section = 0;
        var sentenceOpen = false; // false: the next token starts a sentence
        var inHeading = false;
        var i = 0;
        var lineStart = true;
        var previousLineBlank = true;

        while (i < text.Length)
        {
            if (lineStart)
            {
                lineStart = false;
                var lineEnd = text.IndexOf('\n', i);
                if (lineEnd < 0)
                {
                    lineEnd = text.Length;
                }

                var line = text.AsSpan(i, lineEnd - i);
                var trimmed = line.TrimStart();
                var blank = trimmed.Trim().IsEmpty;
                var level = HeadingLevel(trimmed);
                inHeading = level > 0;
                // A new block (heading, list item, quote, table row, thematic break) or a paragraph after a blank line starts a sentence.
                if (inHeading || previousLineBlank || StartsBlock(trimmed))
                {
                    if (sentenceOpen)
                    {
                        sentence++;
                    }

                    sentenceOpen = false;
                }

                if (inHeading)
                {
                    var title = FoldedWords(trimmed[level..].Trim().TrimEnd('#'));
                    while (headingStack.Count > 0 && headingStack[^1].Level >= level)
                    {
                        headingStack.RemoveAt(headingStack.Count - 1);
                    }

                    headingStack.Add((level, title));
                    sections.Add(new Section(headingStack.Select(h => h.Title).ToArray()));
                    section = sections.Count - 1;
                }

                previousLineBlank = blank;
            }

            var c = text[i];
            if (c == '\n')
            {
                if (inHeading && sentenceOpen)
                {
                    sentence++;
                    sentenceOpen = false;
                }

                lineStart = true;
                i++;
                continue;
            }

            if (!IsWordChar(c))
            {
                if (c is '.' or '!' or '?' && sentenceOpen && EndsSentence(text, i, tokens))
                {
                    sentence++;
                    sentenceOpen = false;
                }

                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (IsWordChar(text[i]) || (IsJoiner(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > start)))
            {
                i++;
            }

            var length = i - start;
            var possessive = false;
            if (length > 2 && IsApostrophe(text[start + length - 2]) && text[start + length - 1] is 's' or 'S')
            {
                length -= 2;
                possessive = true;
            }
            else if (i < text.Length && IsApostrophe(text[i]) && text[i - 1] is 's' && (i + 1 >= text.Length || !char.IsLetter(text[i + 1])))
            {
                possessive = true;
            }

            var word = text.AsSpan(start, length);
            tokens.Add(new Token(
                start,
                length,
                Fold(word),
                Transliterate(word),
                ShapeOf(word),
                possessive,
                i < text.Length && text[i] == '.',
                !sentenceOpen,
                inHeading,
                sentence,
                section));
            sentenceOpen = true;
        }

        return new TokenizedText { Text = text, Tokens = tokens, Sections = sections };
    }

    /// <summary>Folded words joined by single spaces, without a leading number: how headings and agenda titles are compared.</summary>
    public static string FoldedWords(ReadOnlySpan<char> text)
    {
        var words = Tokenize(text.ToString()).Tokens.Select(t => t.Folded).SkipWhile(w => w.All(char.IsDigit) || IsRomanNumeral(w)).ToArray();
        return string.Join(' ', words);
    }

    private static bool IsRomanNumeral(string word) => word.Length <= 4 && word.All(c => c is 'i' or 'v' or 'x');

    private static int HeadingLevel(ReadOnlySpan<char> line)
    {
        var level = 0;
        while (level < line.Length && line[level] == '#')
        {
            level++;
        }

        return level is >= 1 and <= 6 && (level == line.Length || line[level] == ' ') ? level : 0;
    }

    private static bool StartsBlock(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty)
        {
            return true;
        }

        if (line[0] is '>' or '|' or '*' or '+' || (line[0] == '-' && (line.Length == 1 || line[1] is ' ' or '-')))
        {
            return true;
        }

        var digits = 0;
        while (digits < line.Length && char.IsDigit(line[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < line.Length && line[digits] is '.' or ')';
    }

    /// <summary>A period after an initial or a title abbreviation ("M.", "Dr.") does not end the sentence; other ends followed by a space do.</summary>
    private static bool EndsSentence(string text, int i, List<Token> tokens)
    {
        var next = i + 1 < text.Length ? text[i + 1] : ' ';
        if (!(char.IsWhiteSpace(next) || next is '"' or '\u201D' or '\'' or '\u2019' or ')' or '*' or '_'))
        {
            return false;
        }

        if (text[i] == '.' && tokens.Count > 0)
        {
            var last = tokens[^1];
            if (last.Start + last.Length == i && (Abbreviations.Contains(last.Folded) || (last.Length == 1 && last.Shape == TokenShape.Capitalised)))
            {
                return false;
            }
        }

        return true;
    }

    private static TokenShape ShapeOf(ReadOnlySpan<char> word)
    {
        int upper = 0, lower = 0, letters = 0;
        var firstUpper = false;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (!char.IsLetter(c))
            {
                continue;
            }

            letters++;
            if (char.IsUpper(c))
            {
                upper++;
                if (letters == 1)
                {
                    firstUpper = true;
                }
            }
            else if (char.IsLower(c))
            {
                lower++;
            }
        }

        if (upper == 0)
        {
            return letters == 0 ? TokenShape.Mixed : TokenShape.Lower;
        }

        if (lower == 0)
        {
            return letters >= 2 ? TokenShape.AllCaps : TokenShape.Capitalised;
        }

        if (firstUpper && upper == 1)
        {
            return TokenShape.Capitalised;
        }

        // "McAllister", "Jean-Claude", "O'Brien": a capital first counts as a capitalised name.
        return firstUpper ? TokenShape.Capitalised : TokenShape.Mixed;
    }
}
