using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Web.Tests.BadInput;

/// <summary>
/// Pre-read uploads (the app allows 1 MB here): path traversal and hostile file names, empty, oversized and disguised files,
/// text in the wrong encoding. Each is refused with a message naming the problem and leaves no file and no row; a good file
/// with a hostile name is kept under a random name and offered back as an attachment with a safe Content-Disposition.
/// </summary>
public sealed class DocumentBadInputTests(BadInputApp fixture) : IClassFixture<BadInputApp>
{
    private static byte[] Pdf => Encoding.ASCII.GetBytes("%PDF-1.4\n% The study\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static byte[] Zip(string entry)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var w = new StreamWriter(zip.CreateEntry(entry).Open());
            w.Write("<x/>");
        }

        return stream.ToArray();
    }

    private static readonly Dictionary<string, (string? Title, string? FileName, Func<byte[]> Content, long? DeclaredSize, string Message)> BadUploads = new()
    {
        ["path traversal"] = ("Study", "../../etc/passwd", () => Pdf, null, "contains a path"),
        ["path traversal to a pdf"] = ("Study", "../../../var/www/study.pdf", () => Pdf, null, "contains a path"),
        ["Windows path traversal"] = ("Study", "..\\..\\x.pdf", () => Pdf, null, "contains a path"),
        ["absolute path"] = ("Study", "/etc/passwd.pdf", () => Pdf, null, "contains a path"),
        ["drive letter"] = ("Study", "C:study.pdf", () => Pdf, null, "contains a path"),
        ["NUL in the name"] = ("Study", "study.pdf\0.exe", () => Pdf, null, "characters that are not allowed"),
        ["NUL before the extension"] = ("Study", "study\0.pdf", () => Pdf, null, "characters that are not allowed"),
        ["line break in the name"] = ("Study", "study\r\nContent-Type: text/html.pdf", () => Pdf, null, "characters that are not allowed"),
        ["right-to-left override"] = ("Study", "report\u202Efdp.exe", () => Pdf, null, "characters that are not allowed"),
        ["right-to-left override before .pdf"] = ("Study", "invoice\u202Egnp.pdf", () => Pdf, null, "characters that are not allowed"),
        ["very long name"] = ("Study", new string('a', 5000) + ".pdf", () => Pdf, null, "longer than 200 characters"),
        ["very long path"] = ("Study", string.Concat(Enumerable.Repeat("../", 2000)) + "etc/passwd", () => Pdf, null, "longer than 200 characters"),
        ["no name"] = ("Study", "", () => Pdf, null, "has no name"),
        ["blank name"] = ("Study", "   ", () => Pdf, null, "has no name"),
        ["empty file"] = ("Study", "study.pdf", () => [], null, "is empty (0 bytes)"),
        ["oversized file"] = ("Study", "study.pdf", () => [.. Pdf, .. new byte[1024 * 1024]], null, "larger than 1 MB"),
        ["oversized file declared small"] = ("Study", "study.pdf", () => [.. Pdf, .. new byte[1024 * 1024]], 100, "larger than 1 MB"),
        ["HTML renamed .pdf"] = ("Study", "study.pdf", () => "<html><script>alert(1)</script></html>"u8.ToArray(), null, "is not a real PDF file"),
        ["HTML"] = ("Study", "study.html", () => "<html><script>alert(1)</script></html>"u8.ToArray(), null, "is not a type that can be shared"),
        ["SVG with script"] = ("Map", "map.svg", () => "<svg onload=\"alert(1)\"/>"u8.ToArray(), null, "is not a type that can be shared"),
        ["executable behind two extensions"] = ("Study", "study.pdf.exe", () => [0x4D, 0x5A, 0x90, 0], null, "is not a type that can be shared"),
        ["no extension"] = ("Study", "study", () => Pdf, null, "is not a type that can be shared"),
        ["PNG renamed .jpg"] = ("Photo", "photo.jpg", () => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], null, "is not a real JPG file"),
        ["a zip renamed .docx"] = ("Study", "study.docx", () => Zip("readme.txt"), null, "is not a real DOCX file"),
        ["a spreadsheet renamed .docx"] = ("Study", "study.docx", () => Zip("xl/workbook.xml"), null, "is not a real DOCX file"),
        ["truncated zip as .xlsx"] = ("Figures", "figures.xlsx", () => Zip("xl/workbook.xml")[..20], null, "is not a real XLSX file"),
        ["Windows-1252 text"] = ("Notes", "notes.txt", () => Encoding.Latin1.GetBytes("Zoë Müller, François Ménard"), null, "is not UTF-8 text"),
        ["UTF-16 text with a BOM"] = ("Notes", "notes.txt", () => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Notes")], null, "is not UTF-8 text"),
        ["binary as .txt"] = ("Notes", "notes.txt", () => [0x00, 0x01, 0x02, 0xFF], null, "is not UTF-8 text"),
        ["no title"] = ("  ", "study.pdf", () => Pdf, null, "Give the document a title"),
        ["100 KB title"] = (BadInputApp.Long, "study.pdf", () => Pdf, null, "under 200 characters"),
    };

    public static TheoryData<string> BadUploadNames => new(BadUploads.Keys);

    [Theory]
    [MemberData(nameof(BadUploadNames))]
    public async Task A_bad_upload_is_refused_with_a_message_naming_the_problem_and_leaves_no_file_and_no_row(string how)
    {
        var (title, fileName, content, declared, message) = BadUploads[how];
        var eventId = await fixture.NewEventAsync();
        var bytes = content();
        var filesBefore = Files();

        var outcome = await fixture.RunAsync<UploadDocument, Outcome<Guid>>(u => u.ExecuteAsync(fixture.Organiser, eventId, new DocumentUpload(title, fileName, declared ?? bytes.Length, new MemoryStream(bytes))));

        Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
        var shown = Assert.Single(outcome.Errors.SelectMany(e => e.Value));
        Assert.Contains(message, shown);
        Assert.True(shown.Length < 600, $"a message of {shown.Length} characters");
        Assert.Equal(title == BadInputApp.Long || title?.Trim() == "" ? "Title" : "File", Assert.Single(outcome.Errors.Keys));
        Assert.Equal(0, await fixture.WithDbAsync(db => db.EventDocuments.CountAsync(d => d.EventId == eventId)));
        Assert.Equal(filesBefore, Files());
        Assert.False(File.Exists(Path.Combine(fixture.DocumentsDirectory, "..", "..", "etc", "passwd")));
    }

    public static TheoryData<string> HostileNames => new()
    {
        "<img src=x onerror=alert('x')>.pdf",
        "Robert'); DROP TABLE EventDocuments;--.pdf",
        "\"quoted\"; filename=evil.html.pdf",
        "دراسة آسيا الوسطى.pdf",
        "中亚安全研究.pdf",
        "Μελέτη για την Κεντρική Ασία.pdf",
        "E\u0301tude – Asie centrale.pdf",
        "%2e%2e%2fstudy.pdf",
        "study .pdf",
    };

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task A_good_file_with_a_hostile_name_is_kept_under_a_random_name_and_offered_back_as_a_safe_attachment(string fileName)
    {
        var eventId = await fixture.NewEventAsync();

        var outcome = await fixture.RunAsync<UploadDocument, Outcome<Guid>>(u => u.ExecuteAsync(fixture.Organiser, eventId, new DocumentUpload("The study", fileName, Pdf.Length, new MemoryStream(Pdf))));

        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));
        var stored = await fixture.WithDbAsync(db => db.EventDocuments.AsNoTracking().SingleAsync(d => d.Id == outcome.Value));
        Assert.Equal(fileName.Trim(), stored.FileName, StringComparer.Ordinal);
        Assert.Matches("^[0-9a-f]{32}$", stored.StorageKey);
        Assert.Equal(Pdf, await File.ReadAllBytesAsync(Path.Combine(fixture.DocumentsDirectory, stored.StorageKey)));
        Assert.All(Files(), f => Assert.Matches("^[0-9a-f]{32}$", f));

        // The team's download.
        var staff = await fixture.StaffAsync();
        await AssertSafeAttachmentAsync(await staff.GetAsync($"/events/{eventId}/documents/{stored.Id}/download"), stored.FileName);
        var page = await staff.GetStringAsync($"/events/{eventId}/documents");
        Assert.Contains(BadInputApp.Parse(page).QuerySelectorAll("td"), td => td.TextContent == stored.FileName);
        Assert.DoesNotContain("<img src=x", page);

        // An approved attendee's download through their link.
        var registrationId = await fixture.RegistrationAsync(eventId, RegistrationStatus.Approved);
        var token = await fixture.RegistrationLinkAsync(registrationId);
        var client = fixture.Anonymous();
        await AssertSafeAttachmentAsync(await client.GetAsync($"/r/{token}/documents/{stored.Id}"), stored.FileName);
        var own = await client.GetStringAsync($"/r/{token}");
        Assert.Contains($"({stored.FileName},", BadInputApp.Parse(own).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", own);
    }

    private static async Task AssertSafeAttachmentAsync(HttpResponseMessage response, string fileName)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var raw = string.Join(", ", response.Content.Headers.GetValues("Content-Disposition"));
        Assert.DoesNotContain('\r', raw);
        Assert.DoesNotContain('\n', raw);
        Assert.True(raw.All(c => c is >= ' ' and <= '~'), $"non-ASCII in the header: {raw}");
        var disposition = ContentDispositionHeaderValue.Parse(raw);
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(fileName, disposition.FileNameStar, StringComparer.Ordinal);
        Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
    }

    private List<string> Files() => Directory.Exists(fixture.DocumentsDirectory)
        ? Directory.GetFiles(fixture.DocumentsDirectory).Select(f => Path.GetFileName(f)!).Order().ToList()
        : [];
}
