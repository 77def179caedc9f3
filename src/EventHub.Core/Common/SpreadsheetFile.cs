using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace EventHub.Core.Common;

public enum SpreadsheetFormat
{
    Csv,
    Xlsx,
}

/// <summary>A file an export hands to the browser.</summary>
public sealed record ExportFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Writes a table (a few header lines saying what it is, then column labels and rows) as CSV (CsvHelper) or XLSX
/// (Open XML, inline strings only). Formula-safe in both: a cell that starts with = + - @, a tab or a carriage return is
/// given a leading apostrophe (OWASP's advice), so no spreadsheet evaluates it, even after someone edits the cell.
/// </summary>
public static class SpreadsheetFile
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>The cell as it is written: text that a spreadsheet could read as a formula gets a leading apostrophe.</summary>
    public static string Neutralise(string? cell)
        => string.IsNullOrEmpty(cell) ? "" : FormulaStarts.Contains(cell[0]) ? "'" + cell : cell;

    public static async Task<ExportFile> CreateAsync(
        SpreadsheetFormat format, string fileStem, string sheetName, IReadOnlyList<string> header, IReadOnlyList<string> labels,
        IEnumerable<IReadOnlyList<string>> rows, CancellationToken ct)
    {
        var safeRows = rows.Select(r => (IReadOnlyList<string>)r.Select(Neutralise).ToList()).ToList();
        var safeHeader = header.Select(Neutralise).ToList();
        var safeLabels = labels.Select(Neutralise).ToList();
        var content = format == SpreadsheetFormat.Csv
            ? await CsvAsync(safeHeader, safeLabels, safeRows, ct)
            : Xlsx(sheetName, safeHeader, safeLabels, safeRows);
        var slug = new string(fileStem.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return format == SpreadsheetFormat.Csv
            ? new ExportFile($"{slug}.csv", "text/csv; charset=utf-8", content)
            : new ExportFile($"{slug}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content);
    }

    /// <summary>Letters and digits of a title, for a file name ("event" when there are none).</summary>
    public static string Slug(string title)
    {
        var slug = new string(title.Where(char.IsAsciiLetterOrDigit).Take(40).ToArray()).ToLowerInvariant();
        return slug.Length == 0 ? "event" : slug;
    }

    private static async Task<byte[]> CsvAsync(List<string> header, List<string> labels, List<IReadOnlyList<string>> rows, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        // CsvHelper's own injection guard stays on as a second line of defence.
        await using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            // Every record has the same number of fields (RFC 4180): the header lines are padded with empty cells.
            foreach (var line in header.Append(""))
            {
                csv.WriteField(line);
                for (var i = 1; i < labels.Count; i++)
                {
                    csv.WriteField("");
                }

                await csv.EndRecordAsync(ct);
            }

            foreach (var record in rows.Prepend(labels))
            {
                foreach (var cell in record)
                {
                    csv.WriteField(cell);
                }

                await csv.EndRecordAsync(ct);
            }
        }

        return stream.ToArray();
    }

    /// <summary>One sheet of inline strings: a spreadsheet never evaluates them, so no formula can run.</summary>
    private static byte[] Xlsx(string sheetName, List<string> header, List<string> labels, List<IReadOnlyList<string>> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font(), new Font(new Bold())),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint index = 1;
            foreach (var line in header)
            {
                data.Append(Row(index++, [line], bold: index == 2));
            }

            index++;
            data.Append(Row(index++, labels, bold: true));
            foreach (var row in rows)
            {
                data.Append(Row(index++, row, bold: false));
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName.Length > 31 ? sheetName[..31] : sheetName }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(uint index, IEnumerable<string> cells, bool bold)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var text in cells)
        {
            row.Append(new Cell
            {
                CellReference = ColumnName(column++) + index.ToString(CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
                StyleIndex = bold ? 1u : 0u,
                InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }

        return row;
    }

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName(index / 26 - 1) + (char)('A' + index % 26);
}
