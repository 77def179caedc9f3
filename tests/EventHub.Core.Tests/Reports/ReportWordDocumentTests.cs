using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using EventHub.Core.Features.Reports;

namespace EventHub.Core.Tests.Reports;

public sealed class ReportWordDocumentTests
{
    [Fact]
    public void The_word_file_is_valid_open_xml_and_carries_the_marking_in_body_header_and_footer()
    {
        const string markdown = """
            # China's and Russia's Security Engagement in Central Asia

            The study argues that the “division of labour”<sup>1</sup> no longer applies, with **bold**, *italic* and a [link](https://example.org).

            - first point
            - second point

            > A quoted passage.

            ---

            <sup>1</sup> Farkhod Aminjonov, 29 June 2022.
            """;
        const string marking = "Prepared for Ada Novak, ref DW94-B8K9; not for onward distribution.";

        var bytes = ReportWordDocument.Build(new WordReport("Security Engagement", ["Wednesday, 29 June 2022", "Brussels"], markdown, marking));

        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var text = ReportWordDocument.ReadAllText(bytes);
        Assert.Equal(3, text.Split('\n').Count(l => l == marking));
        Assert.Contains("• first point", text);
        Assert.Contains("the “division of labour”1 no longer applies, with bold, italic and a link (https://example.org).", text);
    }
}
