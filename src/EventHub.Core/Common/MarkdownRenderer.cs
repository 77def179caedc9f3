using Ganss.Xss;
using Markdig;

namespace EventHub.Core.Common;

/// <summary>
/// Markdown to HTML that is safe to put on a page or in an email: Markdig (CommonMark with tables, footnotes, emphasis
/// extras) renders it, then HtmlSanitizer removes scripts, event handlers, styles and unsafe links. Raw HTML in the text
/// (e.g. <c>&lt;sup&gt;1&lt;/sup&gt;</c> as in the seed report) survives only where it is harmless.
/// One shared, thread-safe instance (registered as a singleton): use it wherever a report is shown.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseFootnotes()
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    /// <summary>The text as sanitised HTML.</summary>
    public string ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        return sanitizer.Sanitize(Markdown.ToHtml(markdown, pipeline));
    }

    /// <summary>The text without markup (for plain-text email parts and search).</summary>
    public string ToPlainText(string? markdown) => string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToPlainText(markdown, pipeline).Trim();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        // No inline styles or classes from the text: the page's own styles decide how a report looks.
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Remove("class");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.AllowedTags.Remove("select");
        sanitizer.AllowedTags.Remove("img");
        // Footnote links point inside the page (#fn:1): keep their ids.
        sanitizer.AllowedAttributes.Add("id");
        return sanitizer;
    }
}
