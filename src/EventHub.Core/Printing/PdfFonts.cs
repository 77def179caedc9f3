using PdfSharp.Fonts;

namespace EventHub.Core.Printing;

/// <summary>
/// PDFsharp (6, the cross-platform build) finds no system fonts on Linux and refuses to draw text without a resolver. Every
/// face is DejaVu Sans, shipped inside this assembly with its licence (Printing/Fonts/LICENSE-DejaVu.txt): it works on a
/// fresh machine and covers Latin, Greek and Cyrillic names.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "EventHub Sans";
    private const string Regular = "EventHub.Printing.DejaVuSans.ttf";
    private const string Bold = "EventHub.Printing.DejaVuSans-Bold.ttf";
    private static readonly Lock Gate = new();
    private static bool installed;

    /// <summary>Installs the resolver once per process (PDFsharp keeps it in a global, which may be set only before first use).</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (installed)
            {
                return;
            }

            if (GlobalFontSettings.FontResolver is not PdfFonts)
            {
                GlobalFontSettings.FontResolver = new PdfFonts();
            }

            installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
        => new(bold ? Bold : Regular);

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream(faceName);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
