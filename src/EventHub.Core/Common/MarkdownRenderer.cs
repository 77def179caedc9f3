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

    /// <summary>Put before every id in rendered text, so no id from a report can be one of the app's own.</summary>
    public const string IdPrefix = "md-";

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
        // Ids and names from the text must not collide with the page's own (an id="components-reconnect-modal" in a report
        // would take over Blazor's reconnect dialog; a name can shadow document properties): names go, and every id is
        // prefixed, with in-page links (the footnotes' #fn:1) rewritten to match so they still work.
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedAttributes.Remove("name");
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement element)
            {
                if (element.GetAttribute("id") is { Length: > 0 } id && !id.StartsWith(IdPrefix, StringComparison.Ordinal))
                {
                    element.SetAttribute("id", IdPrefix + id);
                }

                if (element.LocalName == "a" && element.GetAttribute("href") is { Length: > 1 } href && href[0] == '#' && !href.StartsWith("#" + IdPrefix, StringComparison.Ordinal))
                {
                    element.SetAttribute("href", "#" + IdPrefix + href[1..]);
                }
            }
        };
        return sanitizer;
    }
}
