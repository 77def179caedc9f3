using System.IO.Compression;
using System.Text;

namespace EventHub.Core.Features.Access;

/// <summary>What may be uploaded: the types a pre-read comes in, checked by extension AND by content.</summary>
public static class DocumentRules
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".txt"] = "text/plain; charset=utf-8",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
    };

    public static IReadOnlyCollection<string> Extensions => ContentTypes.Keys;

    public static string AllowedList => "PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument text (.odt), plain text (.txt), PNG or JPEG";

    /// <summary>The name to keep, or an error naming the problem. A name with a path in it is refused, not silently cut.</summary>
    public static (string? Name, string? Error) CleanFileName(string? fileName)
    {
        var name = (fileName ?? "").Trim();
        if (name.Length == 0)
        {
            return (null, "The file has no name.");
        }

        // Bidirectional overrides and isolates make "report\u202Efdp.exe" read as "reportexe.pdf" in the list and the download.
        const string notAllowed = "The file name contains characters that are not allowed; rename the file and upload it again.";
        if (name.Any(c => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'))
        {
            return (null, notAllowed);
        }

        if (name.Length > 200)
        {
            return (null, "The file name is longer than 200 characters; rename the file and upload it again.");
        }

        if (name.Contains('/') || name.Contains('\\') || name.Contains("..") || name.Contains(':'))
        {
            return (null, $"The file name “{name}” contains a path or “..”; rename the file to a plain name and upload it again.");
        }

        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            return (null, notAllowed);
        }

        return (name, null);
    }

    public static string? ContentTypeFor(string fileName) => ContentTypes.GetValueOrDefault(Path.GetExtension(fileName));

    /// <summary>Whether the file's bytes are what its extension says; null when they are, or the problem.</summary>
    public static string? CheckContent(string fileName, Stream content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        content.Position = 0;
        Span<byte> head = stackalloc byte[8];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        content.Position = 0;
        var ok = extension switch
        {
            ".pdf" => head.StartsWith("%PDF-"u8),
            ".png" => head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }),
            ".jpg" or ".jpeg" => head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }),
            ".docx" => IsOfficePackage(content, "word/"),
            ".xlsx" => IsOfficePackage(content, "xl/"),
            ".pptx" => IsOfficePackage(content, "ppt/"),
            ".odt" => IsOpenDocumentText(content),
            ".txt" => IsText(content),
            _ => false,
        };
        content.Position = 0;
        if (ok)
        {
            return null;
        }

        return extension == ".txt"
            ? $"The file “{fileName}” is not a real TXT file: it is not UTF-8 text (it may be saved as Windows-1252 or UTF-16, or not be text). Save it as UTF-8 text and upload it again."
            : $"The file “{fileName}” is not a real {extension.TrimStart('.').ToUpperInvariant()} file (its content does not match its name). Save it again as {extension} and upload it again.";
    }

    private static bool IsOfficePackage(Stream content, string folder)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.Entries.Any(e => e.FullName.StartsWith(folder, StringComparison.Ordinal));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static bool IsOpenDocumentText(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("mimetype") is not { } entry || entry.Length > 200)
            {
                return false;
            }

            using var reader = new StreamReader(entry.Open(), Encoding.ASCII);
            return reader.ReadToEnd().Trim() == "application/vnd.oasis.opendocument.text";
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>Plain text: valid UTF-8 (a BOM is fine) without NUL bytes.</summary>
    private static bool IsText(Stream content)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var buffer = new byte[content.Length];
        content.ReadExactly(buffer);
        if (Array.IndexOf(buffer, (byte)0) >= 0)
        {
            return false;
        }

        try
        {
            strict.GetString(buffer);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
