using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace EventHub.Core.Email;

/// <summary>Derives the plain-text part of an email from its HTML: links keep their address, blocks become lines.</summary>
public static partial class HtmlToText
{
    public static string Convert(string html)
    {
        var text = HeadOrStyle().Replace(html, "");
        text = Link().Replace(text, m =>
        {
            var href = WebUtility.HtmlDecode(m.Groups["href"].Value);
            var label = WebUtility.HtmlDecode(Tag().Replace(m.Groups["label"].Value, "")).Trim();
            return label.Length == 0 || label == href ? href : $"{label}: {href}";
        });
        text = LineBreak().Replace(text, "\n");
        text = ListItem().Replace(text, "\n- ");
        text = BlockEnd().Replace(text, "\n\n");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);

        var sb = new StringBuilder();
        foreach (var rawLine in text.Split('\n'))
        {
            sb.Append(Spaces().Replace(rawLine, " ").Trim()).Append('\n');
        }

        return BlankLines().Replace(sb.ToString(), "\n\n").Trim() + "\n";
    }

    [GeneratedRegex(@"<(head|style|script)\b[^>]*>.*?</\1>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HeadOrStyle();

    [GeneratedRegex(@"<a\b[^>]*?href\s*=\s*[""'](?<href>[^""']*)[""'][^>]*>(?<label>.*?)</a>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Link();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"<li\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"</(p|div|h[1-6]|tr|table|ul|ol|blockquote)>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\r\f\v]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
