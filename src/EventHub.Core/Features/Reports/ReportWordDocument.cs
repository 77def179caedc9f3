using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig;
using FootnoteGroup = Markdig.Extensions.Footnotes.FootnoteGroup;
using FootnoteLink = Markdig.Extensions.Footnotes.FootnoteLink;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EventHub.Core.Features.Reports;

/// <summary>What goes into a Word copy of the report.</summary>
/// <param name="Facts">Lines under the title (date, city).</param>
/// <param name="Marking">Printed at the start of the body and in the header and footer of every page (e.g. "Prepared for NAME, ref XXXX-XXXX; not for onward distribution").</param>
public sealed record WordReport(string Title, IReadOnlyList<string> Facts, string Markdown, string Marking);

/// <summary>
/// Builds a .docx (DocumentFormat.OpenXml) from the report's Markdown: headings, paragraphs with bold, italic, superscript
/// (footnote marks), links, lists, quotes and rules. The marking appears in the header and footer of every page and at the
/// start of the body, so that a forwarded or printed copy still names whom it was prepared for.
/// </summary>
public static class ReportWordDocument
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseEmphasisExtras().UseFootnotes().UsePipeTables().Build();

    public static byte[] Build(WordReport report)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(MarkingParagraph(report.Marking, JustificationValues.Right));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(MarkingParagraph(report.Marking, JustificationValues.Center));

            var body = new Body();
            body.Append(MarkingParagraph(report.Marking, JustificationValues.Left, bordered: true));
            body.Append(StyledParagraph("Title", [new Run(new Text(report.Title) { Space = SpaceProcessingModeValues.Preserve })]));
            foreach (var fact in report.Facts)
            {
                body.Append(StyledParagraph("Subtitle", [new Run(new Text(fact) { Space = SpaceProcessingModeValues.Preserve })]));
            }

            var parsed = Markdown.Parse(report.Markdown, Pipeline);
            foreach (var block in parsed)
            {
                AppendBlock(body, block, listLevel: 0, quote: false);
            }

            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1418, Right = 1418, Bottom = 1418, Left = 1418, Header = 708, Footer = 708, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>All the text of a .docx: body, headers and footers, one paragraph a line (for tests and checks).</summary>
    public static string ReadAllText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        var main = document.MainDocumentPart!;
        var parts = new List<OpenXmlElement?> { main.Document?.Body };
        parts.AddRange(main.HeaderParts.Select(h => (OpenXmlElement?)h.Header));
        parts.AddRange(main.FooterParts.Select(f => (OpenXmlElement?)f.Footer));
        return string.Join("\n", parts.OfType<OpenXmlElement>().SelectMany(p => p.Descendants<Paragraph>()).Select(p => p.InnerText));
    }

    private static void AppendBlock(Body body, Block block, int listLevel, bool quote)
    {
        switch (block)
        {
            case HeadingBlock heading:
                body.Append(StyledParagraph($"Heading{Math.Clamp(heading.Level, 1, 3)}", Runs(heading.Inline)));
                break;
            case ParagraphBlock paragraph:
                body.Append(StyledParagraph(quote ? "Quote" : "Normal", Runs(paragraph.Inline)));
                break;
            case ListBlock list:
                var number = 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var marker = list.IsOrdered ? $"{number++}. " : "• ";
                    var first = true;
                    foreach (var child in item)
                    {
                        if (first && child is ParagraphBlock p)
                        {
                            var runs = new List<OpenXmlElement> { new Run(new Text(marker) { Space = SpaceProcessingModeValues.Preserve }) };
                            runs.AddRange(Runs(p.Inline));
                            var para = StyledParagraph("Normal", runs);
                            para.ParagraphProperties!.Append(new Indentation { Left = (360 * (listLevel + 1)).ToString(), Hanging = "360" });
                            body.Append(para);
                        }
                        else
                        {
                            AppendBlock(body, child, listLevel + 1, quote);
                        }

                        first = false;
                    }
                }

                break;
            case QuoteBlock quoteBlock:
                foreach (var child in quoteBlock)
                {
                    AppendBlock(body, child, listLevel, quote: true);
                }

                break;
            case ThematicBreakBlock:
                body.Append(new Paragraph(new ParagraphProperties(new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "999999" }))));
                break;
            case FootnoteGroup footnotes:
                foreach (var footnote in footnotes.OfType<Markdig.Extensions.Footnotes.Footnote>())
                {
                    foreach (var child in footnote.OfType<ParagraphBlock>())
                    {
                        var runs = new List<OpenXmlElement> { SuperscriptRun(footnote.Order.ToString()), new Run(new Text(" ") { Space = SpaceProcessingModeValues.Preserve }) };
                        runs.AddRange(Runs(child.Inline));
                        body.Append(StyledParagraph("FootnoteText", runs));
                    }
                }

                break;
            case FencedCodeBlock or CodeBlock:
                var code = (LeafBlock)block;
                foreach (var line in code.Lines.Lines.Take(code.Lines.Count))
                {
                    body.Append(StyledParagraph("Normal", [new Run(new RunProperties(new RunFonts { Ascii = "Consolas", HighAnsi = "Consolas" }), new Text(line.ToString()) { Space = SpaceProcessingModeValues.Preserve })]));
                }

                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AppendBlock(body, child, listLevel, quote);
                }

                break;
            case LeafBlock leaf when leaf.Inline is not null:
                body.Append(StyledParagraph("Normal", Runs(leaf.Inline)));
                break;
        }
    }

    private sealed record Format(bool Bold, bool Italic, bool Superscript, bool Subscript, bool Link);

    private static List<OpenXmlElement> Runs(ContainerInline? inline)
    {
        var runs = new List<OpenXmlElement>();
        if (inline is not null)
        {
            AddRuns(runs, inline, new Format(false, false, false, false, false));
        }

        return runs;
    }

    private static void AddRuns(List<OpenXmlElement> runs, ContainerInline container, Format format)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    runs.Add(TextRun(literal.Content.ToString(), format));
                    break;
                case CodeInline code:
                    runs.Add(TextRun(code.Content, format));
                    break;
                case LineBreakInline lineBreak:
                    runs.Add(lineBreak.IsHard ? new Run(new Break()) : TextRun(" ", format));
                    break;
                case EmphasisInline emphasis:
                    var next = emphasis.DelimiterChar switch
                    {
                        '^' => format with { Superscript = true },
                        '~' when emphasis.DelimiterCount == 1 => format with { Subscript = true },
                        _ when emphasis.DelimiterCount >= 2 => format with { Bold = true },
                        _ => format with { Italic = true },
                    };
                    AddRuns(runs, emphasis, next);
                    break;
                case HtmlInline html:
                    // The seed report marks footnotes with <sup>…</sup>: keep that as superscript; drop any other tag.
                    var tag = html.Tag.Trim().ToLowerInvariant();
                    format = tag switch
                    {
                        "<sup>" => format with { Superscript = true },
                        "</sup>" => format with { Superscript = false },
                        "<sub>" => format with { Subscript = true },
                        "</sub>" => format with { Subscript = false },
                        "<b>" or "<strong>" => format with { Bold = true },
                        "</b>" or "</strong>" => format with { Bold = false },
                        "<i>" or "<em>" => format with { Italic = true },
                        "</i>" or "</em>" => format with { Italic = false },
                        _ => format,
                    };
                    break;
                case FootnoteLink footnoteLink when !footnoteLink.IsBackLink:
                    runs.Add(SuperscriptRun(footnoteLink.Footnote.Order.ToString()));
                    break;
                case FootnoteLink:
                    break;
                case LinkInline link when !link.IsImage:
                    AddRuns(runs, link, format with { Link = true });
                    if (!string.IsNullOrWhiteSpace(link.Url) && link.FirstChild is LiteralInline text && text.Content.ToString() != link.Url)
                    {
                        runs.Add(TextRun($" ({link.Url})", format));
                    }

                    break;
                case ContainerInline nested:
                    AddRuns(runs, nested, format);
                    break;
            }
        }
    }

    private static Run TextRun(string text, Format format)
    {
        var properties = new RunProperties();
        if (format.Bold)
        {
            properties.Append(new Bold());
        }

        if (format.Italic)
        {
            properties.Append(new Italic());
        }

        if (format.Link)
        {
            properties.Append(new Color { Val = "0B5CAD" }, new Underline { Val = UnderlineValues.Single });
        }

        if (format.Superscript || format.Subscript)
        {
            properties.Append(new VerticalTextAlignment { Val = format.Superscript ? VerticalPositionValues.Superscript : VerticalPositionValues.Subscript });
        }

        var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (properties.HasChildren)
        {
            run.PrependChild(properties);
        }

        return run;
    }

    private static Run SuperscriptRun(string text) => TextRun(text, new Format(false, false, true, false, false));

    private static Paragraph StyledParagraph(string style, IEnumerable<OpenXmlElement> runs)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        paragraph.Append(runs);
        return paragraph;
    }

    private static Paragraph MarkingParagraph(string marking, JustificationValues justification, bool bordered = false)
    {
        // The schema fixes the order of paragraph properties: style, borders, justification.
        var properties = new ParagraphProperties(new ParagraphStyleId { Val = "Marking" });
        if (bordered)
        {
            properties.Append(new ParagraphBorders(
                new TopBorder { Val = BorderValues.Single, Size = 6, Space = 4, Color = "B42318" },
                new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 4, Color = "B42318" }));
        }

        properties.Append(new Justification { Val = justification });
        return new Paragraph(properties, new Run(new Text(marking) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" }, new FontSize { Val = "22" }, new Languages { Val = "en-GB" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "160", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            ParagraphStyle("Normal", "Normal", null, null, isDefault: true),
            ParagraphStyle("Title", "Title", new RunProperties(new Bold(), new Color { Val = "1F2328" }, new FontSize { Val = "36" }), new SpacingBetweenLines { After = "120" }),
            ParagraphStyle("Subtitle", "Subtitle", new RunProperties(new Color { Val = "57606A" }), new SpacingBetweenLines { After = "60" }),
            ParagraphStyle("Heading1", "heading 1", new RunProperties(new Bold(), new FontSize { Val = "30" }), new SpacingBetweenLines { Before = "360", After = "120" }, outline: 0),
            ParagraphStyle("Heading2", "heading 2", new RunProperties(new Bold(), new FontSize { Val = "26" }), new SpacingBetweenLines { Before = "240", After = "100" }, outline: 1),
            ParagraphStyle("Heading3", "heading 3", new RunProperties(new Bold(), new FontSize { Val = "23" }), new SpacingBetweenLines { Before = "200", After = "80" }, outline: 2),
            ParagraphStyle("Quote", "Quote", new RunProperties(new Italic(), new Color { Val = "444444" }), new SpacingBetweenLines { After = "160" }),
            ParagraphStyle("FootnoteText", "footnote text", new RunProperties(new FontSize { Val = "18" }), new SpacingBetweenLines { After = "60" }),
            ParagraphStyle("Marking", "Marking", new RunProperties(new Bold(), new Color { Val = "B42318" }, new FontSize { Val = "17" }), new SpacingBetweenLines { After = "120" }));
    }

    private static Style ParagraphStyle(string id, string name, RunProperties? run, SpacingBetweenLines? spacing, bool isDefault = false, int? outline = null)
    {
        // In the schema's order: name, basedOn, qFormat, pPr, rPr.
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        if (!isDefault)
        {
            style.Append(new BasedOn { Val = "Normal" });
        }

        style.Append(new PrimaryStyle());

        // In the schema's order: keepNext, spacing, outline level.
        var paragraph = new StyleParagraphProperties();
        if (outline is not null)
        {
            paragraph.Append(new KeepNext());
        }

        if (spacing is not null)
        {
            paragraph.Append(spacing);
        }

        if (outline is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }

        if (paragraph.HasChildren)
        {
            style.Append(paragraph);
        }

        if (run is not null)
        {
            style.Append(new StyleRunProperties(run.Elements().Select(e => e.CloneNode(true))));
        }

        return style;
    }
}
