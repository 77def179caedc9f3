using System.Security.Cryptography;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Access;
using EventHub.Core.Tests.Vetting;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Access;

public sealed class DocumentTests
{
    private static CoreTestHost Host(TestDatabase database, string directory)
        => CoreTestHost.Create(database, new Dictionary<string, string?> { ["Documents:Directory"] = directory, ["Documents:MaxFileMegabytes"] = "1" });

    private static string TempDirectory() => Path.Combine(Path.GetTempPath(), "eventhub-tests", "documents-" + Guid.NewGuid().ToString("N"));

    private static DocumentUpload Upload(string? title, string? fileName, byte[] content) => new(title, fileName, content.Length, new MemoryStream(content));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_uploads_are_refused_with_a_message_naming_the_problem_and_leave_nothing_behind(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var directory = TempDirectory();
        await using var host = Host(database, directory);
        var s = await VettingScenario.CreateAsync(database, host);
        var vetter = await s.AddTeamMemberAsync("vera@enc.example", EventRole.Vetter);
        var upload = host.Scoped.GetRequiredService<UploadDocument>();

        async Task<string> Refusal(DocumentUpload u)
        {
            var outcome = await upload.ExecuteAsync(s.Organiser, s.EventId, u);
            Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
            return outcome.Errors.SelectMany(e => e.Value).Single();
        }

        Assert.Contains("is empty (0 bytes)", await Refusal(Upload("Study", "study.pdf", [])));
        Assert.Contains("larger than 1 MB", await Refusal(Upload("Study", "study.pdf", [.. AccessScenario.Pdf(), .. new byte[1024 * 1024]])));
        // A client that understates the size is caught while reading.
        Assert.Contains("larger than 1 MB", await Refusal(new DocumentUpload("Study", "study.pdf", 10, new MemoryStream([.. AccessScenario.Pdf(), .. new byte[1024 * 1024]]))));
        Assert.Contains("is not a type that can be shared", await Refusal(Upload("Tool", "setup.exe", [0x4D, 0x5A, 0x90, 0])));
        Assert.Contains("is not a type that can be shared", await Refusal(Upload("Page", "page.html", "<script>alert(1)</script>"u8.ToArray())));
        Assert.Contains("is not a real PDF file", await Refusal(Upload("Study", "study.pdf", AccessScenario.Png)));
        Assert.Contains("is not a real DOCX file", await Refusal(Upload("Study", "study.docx", AccessScenario.OfficePackage("xl/"))));
        Assert.Contains("is not a real TXT file", await Refusal(Upload("Notes", "notes.txt", [0x41, 0x00, 0x42])));
        Assert.Contains("contains a path", await Refusal(Upload("Study", "../../etc/passwd.pdf", AccessScenario.Pdf())));
        Assert.Contains("contains a path", await Refusal(Upload("Study", "..\\study.pdf", AccessScenario.Pdf())));
        Assert.Contains("Give the document a title", await Refusal(Upload("  ", "study.pdf", AccessScenario.Pdf())));
        Assert.Equal(OutcomeStatus.Forbidden, (await upload.ExecuteAsync(vetter, s.EventId, Upload("Study", "study.pdf", AccessScenario.Pdf()))).Status);

        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Empty(await db.EventDocuments.ToListAsync());
        Assert.True(!Directory.Exists(directory) || Directory.GetFiles(directory).Length == 0, "a refused upload left a file");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_allowed_type_is_stored_under_a_random_key_with_its_sha256(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var directory = TempDirectory();
        await using var host = Host(database, directory);
        var s = await VettingScenario.CreateAsync(database, host);
        var upload = host.Scoped.GetRequiredService<UploadDocument>();
        var files = new (string Name, byte[] Content)[]
        {
            ("Étude – Asie centrale.pdf", AccessScenario.Pdf()),
            ("study.docx", AccessScenario.OfficePackage("word/")),
            ("figures.xlsx", AccessScenario.OfficePackage("xl/")),
            ("slides.pptx", AccessScenario.OfficePackage("ppt/")),
            ("notes.txt", "Read chapters 2 and 3 — merci."u8.ToArray()),
            ("map.png", AccessScenario.Png),
            ("photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]),
        };

        foreach (var (name, content) in files)
        {
            var outcome = await upload.ExecuteAsync(s.Organiser, s.EventId, Upload("Doc " + name, name, content));
            Assert.True(outcome.Succeeded, name + ": " + string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));
        }

        await using var db = await database.Factory.CreateDbContextAsync();
        var stored = await db.EventDocuments.OrderBy(d => d.UploadedAtUtc).ThenBy(d => d.Id).ToListAsync();
        Assert.Equal(files.Length, stored.Count);
        foreach (var (name, content) in files)
        {
            var d = stored.Single(x => x.FileName == name);
            var path = Path.Combine(directory, d.StorageKey);
            Assert.Matches("^[0-9a-f]{32}$", d.StorageKey);
            Assert.Equal(content, await File.ReadAllBytesAsync(path));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), d.Sha256);
            Assert.Equal(content.Length, d.SizeBytes);
        }

        Assert.Equal("application/pdf", stored.Single(d => d.FileName.EndsWith(".pdf")).ContentType);
        Assert.Equal(files.Length, Directory.GetFiles(directory).Length);
        Assert.Equal(files.Length, await db.AuditEntries.CountAsync(a => a.Action == "document.uploaded"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Documents_go_to_the_team_and_approved_attendees_only_and_every_download_is_audited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = Host(database, TempDirectory());
        var s = await VettingScenario.CreateAsync(database, host);
        var other = await VettingScenario.CreateAsync(database, host, "Another foundation's meeting", organiserEmail: "ivan@other.example", organisationName: "Another Foundation");
        var vetter = await s.AddTeamMemberAsync("vera@enc.example", EventRole.Vetter);
        var door = await s.AddTeamMemberAsync("marc@kas.example", EventRole.DoorStaff);
        var ada = await s.AddRegistrationAsync("Ada Novak", "ada@think.example", "Think", status: RegistrationStatus.Approved);
        var bruno = await s.AddRegistrationAsync("Bruno Pending", "bruno@think.example", "Think", status: RegistrationStatus.Pending);
        var omar = await other.AddRegistrationAsync("Omar Other", "omar@other.example", "Other", status: RegistrationStatus.Approved);
        var (adaLink, brunoLink, omarLink) = (await AccessScenario.LinkAsync(s, ada.Id), await AccessScenario.LinkAsync(s, bruno.Id), await AccessScenario.LinkAsync(other, omar.Id));
        var uploaded = await host.Scoped.GetRequiredService<UploadDocument>().ExecuteAsync(s.Organiser, s.EventId, Upload("The study", "study.pdf", AccessScenario.Pdf()));
        var id = uploaded.Value;
        var team = host.Scoped.GetRequiredService<DownloadDocument>();
        var attendee = host.Scoped.GetRequiredService<DownloadAttendeeDocument>();

        async Task<OutcomeStatus> Team(System.Security.Claims.ClaimsPrincipal who)
        {
            var outcome = await team.ExecuteAsync(who, s.EventId, id);
            await using var _ = outcome.Value?.Content;
            return outcome.Status;
        }

        async Task<OutcomeStatus> Attendee(string token)
        {
            var outcome = await attendee.ExecuteAsync(token, id);
            if (outcome.Value is { } file)
            {
                await using var content = file.Content;
                using var copy = new MemoryStream();
                await content.CopyToAsync(copy);
                Assert.Equal(AccessScenario.Pdf(), copy.ToArray());
                Assert.Equal(("study.pdf", "application/pdf"), (file.FileName, file.ContentType));
            }

            return outcome.Status;
        }

        Assert.Equal(OutcomeStatus.Succeeded, await Team(s.Organiser));
        Assert.Equal(OutcomeStatus.Succeeded, await Team(vetter));
        Assert.Equal(OutcomeStatus.Forbidden, await Team(door));
        Assert.Equal(OutcomeStatus.Forbidden, await Team(other.Organiser));
        Assert.Equal(OutcomeStatus.Succeeded, await Attendee(adaLink));
        Assert.Equal(OutcomeStatus.Forbidden, await Attendee(brunoLink));
        Assert.Equal(OutcomeStatus.NotFound, await Attendee(omarLink)); // approved, but for another event
        Assert.Equal(OutcomeStatus.NotFound, await Attendee(PersonalToken.Create().Token));
        // Through the other event's id, the other organiser finds nothing either.
        Assert.Equal(OutcomeStatus.NotFound, (await team.ExecuteAsync(other.Organiser, other.EventId, id)).Status);

        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var downloads = await db.AuditEntries.Where(a => a.Action == "document.downloaded").ToListAsync();
            Assert.Equal(3, downloads.Count);
            Assert.All(downloads, a => Assert.Equal((s.EventId, id.ToString()), (a.EventId!.Value, a.SubjectId!)));
            Assert.Contains(downloads, a => a.ActorName == "clara@kas.example");
            Assert.Contains(downloads, a => a.ActorUserId == null && a.Details!.Contains($"registration {ada.Id}"));
        }

        var file = await FileOfAsync(database, host, id);
        Assert.True(File.Exists(file));
        Assert.True((await host.Scoped.GetRequiredService<DeleteDocument>().ExecuteAsync(s.Organiser, s.EventId, id)).Succeeded);
        Assert.False(File.Exists(file)); // withdrawn: gone from disk, while the row keeps what was shared for the audit trail
        Assert.Equal(OutcomeStatus.NotFound, await Attendee(adaLink));
        Assert.Equal(OutcomeStatus.NotFound, await Team(s.Organiser));
        Assert.Empty((await host.Scoped.GetRequiredService<ListDocuments>().ExecuteAsync(s.Organiser, s.EventId)).Value!);
    }

    private static async Task<string> FileOfAsync(TestDatabase database, CoreTestHost host, Guid documentId)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        var key = await db.EventDocuments.Where(d => d.Id == documentId).Select(d => d.StorageKey).SingleAsync();
        return host.Scoped.GetRequiredService<DocumentStore>().PathFor(key);
    }
}
