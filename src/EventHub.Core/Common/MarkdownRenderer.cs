using Ganss.Xss;
using Markdig;

namespace EventHub.Core.Common;

/// <summary>
/// Report Markdown to HTML that is safe to show and to email: Markdig renders (with footnotes, tables and emphasis extras),
/// HtmlSanitizer then removes scripts, event handlers, styles and anything not on its allow-list.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    public string ToSafeHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var html = Markdown.ToHtml(markdown, pipeline);
        // Sanitize is thread-safe once the sanitizer is configured.
        return sanitizer.Sanitize(html);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Add("sup");
        sanitizer.AllowedTags.Add("sub");
        sanitizer.AllowedAttributes.Remove("style");
        return sanitizer;
    }
}
