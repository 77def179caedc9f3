using System.Globalization;
using EventHub.Core.Common;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace EventHub.Core.Printing;

/// <summary>One approved attendee as printed: the name as they wrote it, the organisation, and the live pass code if any.</summary>
public sealed record PrintedAttendee(string Name, string? OrganisationName, string? PassToken);

/// <summary>The event as the printed material names it.</summary>
public sealed record PrintedEvent(string Title, DateTime StartsAtUtc, string TimeZoneId, string? Venue);

/// <summary>
/// The door's printed material: table tents (name cards), the paper check-in sheet and badges with the QR pass. Plain
/// PDFsharp drawing, no layout engine: each document is a few boxes of text.
/// </summary>
public static class DoorPrints
{
    /// <summary>How many of the pass code's last characters the check-in sheet shows (enough to tell passes apart, not to forge one).</summary>
    public const int PassCodeTail = 6;

    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>One A4 sheet per person, folded along the middle: the name upright on the front half and upside down on the back.</summary>
    public static byte[] NameCards(PrintedEvent e, IReadOnlyList<PrintedAttendee> people, bool showOrganisation)
    {
        using var document = New($"Name cards · {e.Title}");
        foreach (var p in people)
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = PageOrientation.Landscape;
            using var gfx = XGraphics.FromPdfPage(page);
            var (w, h) = (page.Width.Point, page.Height.Point);
            gfx.DrawLine(new XPen(XColors.LightGray, 0.5) { DashStyle = XDashStyle.Dash }, 0, h / 2, w, h / 2);
            DrawTentHalf(gfx, p, showOrganisation, new XRect(0, h / 2, w, h / 2));
            var state = gfx.Save();
            gfx.RotateAtTransform(180, new XPoint(w / 2, h / 4));
            DrawTentHalf(gfx, p, showOrganisation, new XRect(0, 0, w, h / 2));
            gfx.Restore(state);
        }

        return Save(document);
    }

    private static void DrawTentHalf(XGraphics gfx, PrintedAttendee p, bool showOrganisation, XRect half)
    {
        var margin = 36.0;
        var nameFont = Fitting(gfx, p.Name, half.Width - 2 * margin, 54, 20, bold: true);
        var nameTop = half.Top + half.Height * (showOrganisation && p.OrganisationName is not null ? 0.30 : 0.38);
        gfx.DrawString(p.Name, nameFont, XBrushes.Black, new XRect(half.Left + margin, nameTop, half.Width - 2 * margin, nameFont.Height), XStringFormats.Center);
        if (showOrganisation && p.OrganisationName is { } organisation)
        {
            var orgFont = Fitting(gfx, organisation, half.Width - 2 * margin, 26, 12, bold: false);
            gfx.DrawString(organisation, orgFont, XBrushes.DimGray, new XRect(half.Left + margin, nameTop + nameFont.Height + 10, half.Width - 2 * margin, orgFont.Height), XStringFormats.Center);
        }
    }

    /// <summary>The approved list in alphabetical order with a tick column and the pass code's last characters: the door's paper fallback.</summary>
    public static byte[] CheckInSheet(PrintedEvent e, IReadOnlyList<PrintedAttendee> people)
    {
        using var document = New($"Check-in sheet · {e.Title}");
        var title = Font(14, bold: true);
        var small = Font(8.5, bold: false);
        var body = Font(10, bold: false);
        var head = Font(9, bold: true);
        const double margin = 42, rowHeight = 20;
        var pages = new List<PdfPage>();
        var index = 0;
        while (index < people.Count || pages.Count == 0)
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            pages.Add(page);
            using var gfx = XGraphics.FromPdfPage(page);
            var (w, h) = (page.Width.Point, page.Height.Point);
            var y = margin;
            gfx.DrawString(e.Title, title, XBrushes.Black, new XRect(margin, y, w - 2 * margin, 18), XStringFormats.TopLeft);
            y += 20;
            gfx.DrawString($"Check-in sheet · {Describe(e)} · {people.Count} approved", small, XBrushes.DimGray, new XRect(margin, y, w - 2 * margin, 12), XStringFormats.TopLeft);
            y += 22;
            double tickX = margin, nameX = margin + 34, orgX = margin + 250, passX = w - margin - 70;
            gfx.DrawString("In", head, XBrushes.Black, tickX, y + 10);
            gfx.DrawString("Name", head, XBrushes.Black, nameX, y + 10);
            gfx.DrawString("Organisation", head, XBrushes.Black, orgX, y + 10);
            gfx.DrawString("Pass ends", head, XBrushes.Black, passX, y + 10);
            y += 16;
            gfx.DrawLine(XPens.Black, margin, y, w - margin, y);
            while (index < people.Count && y + rowHeight <= h - margin - 16)
            {
                var p = people[index++];
                gfx.DrawRectangle(XPens.Black, tickX + 2, y + 4, 12, 12);
                gfx.DrawString(Clip(gfx, p.Name, body, orgX - nameX - 8), body, XBrushes.Black, nameX, y + 14);
                gfx.DrawString(Clip(gfx, p.OrganisationName ?? "", body, passX - orgX - 8), body, XBrushes.Black, orgX, y + 14);
                gfx.DrawString(p.PassToken is { Length: > PassCodeTail } t ? "…" + t[^PassCodeTail..] : "no pass", body, XBrushes.Black, passX, y + 14);
                y += rowHeight;
                gfx.DrawLine(XPens.LightGray, margin, y, w - margin, y);
            }
        }

        for (var i = 0; i < pages.Count; i++)
        {
            using var gfx = XGraphics.FromPdfPage(pages[i], XGraphicsPdfPageOptions.Append);
            gfx.DrawString($"Page {i + 1} of {pages.Count} · confidential: the participant list", small, XBrushes.DimGray,
                new XRect(margin, pages[i].Height.Point - margin, pages[i].Width.Point - 2 * margin, 12), XStringFormats.TopLeft);
        }

        return Save(document);
    }

    /// <summary>Four A6 badges to an A4 page: the event, the name, the organisation (if the event shows it) and the QR pass.</summary>
    public static byte[] Badges(PrintedEvent e, IReadOnlyList<PrintedAttendee> people, bool showOrganisation)
    {
        using var document = New($"Badges · {e.Title}");
        var eventFont = Font(9, bold: false);
        var codeFont = Font(6.5, bold: false);
        for (var first = 0; first < people.Count || first == 0; first += 4)
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            using var gfx = XGraphics.FromPdfPage(page);
            var (w, h) = (page.Width.Point / 2, page.Height.Point / 2);
            gfx.DrawLine(new XPen(XColors.LightGray, 0.5) { DashStyle = XDashStyle.Dash }, w, 0, w, 2 * h);
            gfx.DrawLine(new XPen(XColors.LightGray, 0.5) { DashStyle = XDashStyle.Dash }, 0, h, 2 * w, h);
            for (var k = 0; k < 4 && first + k < people.Count; k++)
            {
                var p = people[first + k];
                var box = new XRect(k % 2 * w, k / 2 * h, w, h);
                var inner = new XRect(box.Left + 24, box.Top + 24, box.Width - 48, box.Height - 48);
                gfx.DrawString(Clip(gfx, e.Title, eventFont, inner.Width), eventFont, XBrushes.DimGray, new XRect(inner.Left, inner.Top, inner.Width, 12), XStringFormats.TopCenter);
                var nameFont = Fitting(gfx, p.Name, inner.Width, 22, 10, bold: true);
                gfx.DrawString(p.Name, nameFont, XBrushes.Black, new XRect(inner.Left, inner.Top + 30, inner.Width, nameFont.Height), XStringFormats.TopCenter);
                if (showOrganisation && p.OrganisationName is { } organisation)
                {
                    var orgFont = Fitting(gfx, organisation, inner.Width, 12, 7, bold: false);
                    gfx.DrawString(organisation, orgFont, XBrushes.DimGray, new XRect(inner.Left, inner.Top + 36 + nameFont.Height, inner.Width, orgFont.Height), XStringFormats.TopCenter);
                }

                if (p.PassToken is { } token)
                {
                    var size = Math.Min(inner.Width, inner.Height - 110);
                    var qr = new XRect(inner.Left + (inner.Width - size) / 2, inner.Bottom - size - 14, size, size);
                    DrawQr(gfx, token, qr);
                    gfx.DrawString(token, codeFont, XBrushes.Black, new XRect(inner.Left, inner.Bottom - 10, inner.Width, 10), XStringFormats.TopCenter);
                }
                else
                {
                    gfx.DrawString("No valid pass: see the organiser at the door", eventFont, XBrushes.Black, new XRect(inner.Left, inner.Bottom - 40, inner.Width, 12), XStringFormats.TopCenter);
                }
            }

            if (people.Count == 0)
            {
                break;
            }
        }

        return Save(document);
    }

    /// <summary>The QR code as vector squares (crisp at any printer resolution; no image decoder needed).</summary>
    private static void DrawQr(XGraphics gfx, string token, XRect area)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(token, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var n = modules.Count;
        var cell = area.Width / n;
        for (var row = 0; row < n; row++)
        {
            for (var col = 0; col < n; col++)
            {
                if (modules[row][col])
                {
                    // A hair wider than the cell, so neighbouring squares print as one black area without seams.
                    gfx.DrawRectangle(XBrushes.Black, area.Left + col * cell, area.Top + row * cell, cell + 0.05, cell + 0.05);
                }
            }
        }
    }

    private static string Describe(PrintedEvent e)
        => EventTime.Format(e.StartsAtUtc, e.TimeZoneId, "dddd d MMMM yyyy, HH:mm") + (e.Venue is null ? "" : " · " + e.Venue);

    private static PdfDocument New(string title)
    {
        PdfFonts.EnsureInstalled();
        var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "EventHub";
        return document;
    }

    private static byte[] Save(PdfDocument document)
    {
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static XFont Font(double size, bool bold)
        => new(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));

    /// <summary>The largest size from <paramref name="max"/> down to <paramref name="min"/> at which the text fits the width.</summary>
    private static XFont Fitting(XGraphics gfx, string text, double width, double max, double min, bool bold)
    {
        for (var size = max; size > min; size -= 2)
        {
            var font = Font(size, bold);
            if (gfx.MeasureString(text, font).Width <= width)
            {
                return font;
            }
        }

        return Font(min, bold);
    }

    /// <summary>The text, shortened with an ellipsis where it would run into the next column.</summary>
    private static string Clip(XGraphics gfx, string text, XFont font, double width)
    {
        if (gfx.MeasureString(text, font).Width <= width)
        {
            return text;
        }

        var end = text.Length;
        while (end > 1 && gfx.MeasureString(text[..end] + "…", font).Width > width)
        {
            end--;
        }

        return text[..end].TrimEnd() + "…";
    }

    /// <summary>Alphabetical as people read a list: by the name as written, ignoring case and accents.</summary>
    public static IComparer<string> NameOrder { get; } = StringComparer.Create(Culture, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace);
}
