using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Events;
using EventHub.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EventHub.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class DocumentFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task An_organiser_uploads_the_study_and_an_approved_attendee_downloads_it_from_their_page()
    {
        var kas = await App.WithDbAsync(db => TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS"));
        var clara = await App.CreateUserAsync("clara@kas.example", Password, kas.Id, organisationRoles: [OrganisationRole.CreatesEvents, OrganisationRole.KeepsDirectory]);
        Guid eventId;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateEvent>().ExecuteAsync(TestUsers.Principal(clara), new EventForm
            {
                Title = "Security Engagement in Central Asia",
                StartsLocal = DateTime.Today.AddDays(20).AddHours(10),
                EndsLocal = DateTime.Today.AddDays(20).AddHours(13),
                TimeZoneId = "Europe/Brussels",
                City = "Brussels",
                Venue = "Altiero Spinelli building, room 5G2",
                Capacity = 35,
                Status = EventStatus.Open,
            });
            Assert.True(created.Succeeded);
            eventId = created.Value;
        }

        var (token, hash) = PersonalToken.Create();
        await App.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var ada = new Registration
            {
                Id = Guid.NewGuid(),
                EventId = eventId,
                Status = RegistrationStatus.Approved,
                Name = "Ada Novak",
                Email = "ada@think.example",
                NormalizedEmail = "ada@think.example",
                OrganisationName = "Central Asia Institute",
                ListMeConsent = true,
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
                ApprovedAtUtc = now,
                ConcurrencyStamp = Guid.NewGuid(),
            };
            db.Registrations.Add(ada);
            db.RegistrationLinks.Add(new RegistrationLink { Id = Guid.NewGuid(), RegistrationId = ada.Id, TokenHash = hash, CreatedAtUtc = now });
            db.AgendaItems.Add(new AgendaItem { Id = Guid.NewGuid(), EventId = eventId, Title = "Discussion: implications for Europe", StartsAtUtc = now.AddDays(20), Confidentiality = ConfidentialityLevel.ChathamHouse });
            return await db.SaveChangesAsync();
        });
        var study = "%PDF-1.4\n% Security Engagement in Central Asia: the study\n%%EOF\n"u8.ToArray();

        await LogInAsync("clara@kas.example");
        await OpenAsync($"events/{eventId}/documents");
        await Assertions.Expect(Page.Locator("#no-documents")).ToContainTextAsync("No documents yet");

        // A wrong file first: the message names the problem, and nothing is listed.
        await Page.Locator("#document-file").SetInputFilesAsync(new FilePayload { Name = "study.pdf", MimeType = "application/pdf", Buffer = "not a pdf"u8.ToArray() });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator("#document-file-error")).ToContainTextAsync("is not a real PDF file");

        await Page.Locator("#document-file").SetInputFilesAsync(new FilePayload { Name = "Étude – Asie centrale.pdf", MimeType = "application/pdf", Buffer = study });
        await Page.Locator("#document-title").FillAsync("The study");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("“The study” is uploaded");
        await Assertions.Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Documents" })).ToContainTextAsync("Étude – Asie centrale.pdf");
        await ScreenshotAsync("documents-organiser");
        await Page.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync("documents-organiser-phone");
        await Assertions.Expect(Page.Locator("#document-file")).ToHaveValueAsync(""); // a fresh input after the upload
        await Page.SetViewportSizeAsync(1280, 900);
        await OpenAsync($"events/{eventId}/participants");
        await Assertions.Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Participants" })).ToContainTextAsync("Ada Novak");
        await ScreenshotAsync("participants-organiser");
        await OpenAsync($"events/{eventId}/access-list");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Download for Excel (.xlsx)", Exact = true })).ToBeVisibleAsync();
        await ScreenshotAsync("access-list-organiser");

        // The attendee has no account: their personal link is all they need.
        var attendee = await Context.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await attendee.NewPageAsync();
        await page.GotoAsync("/r/" + token);
        await Assertions.Expect(page.Locator("#exact-venue")).ToContainTextAsync("Altiero Spinelli building, room 5G2");
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Agenda items" })).ToContainTextAsync("Chatham House Rule");
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Listed participants" })).ToContainTextAsync("Ada Novak, Central Asia Institute (you)");
        if (Environment.GetEnvironmentVariable("EVENTHUB_SCREENSHOTS") is { Length: > 0 } directory)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(directory, "attendee-materials-phone.png"), FullPage = true });
        }

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "The study", Exact = true }).ClickAsync());
        Assert.Equal("Étude – Asie centrale.pdf", download.SuggestedFilename);
        Assert.Equal(study, await File.ReadAllBytesAsync((await download.PathAsync())!));
        await attendee.CloseAsync();

        var audited = await App.WithDbAsync(db => Task.FromResult(db.AuditEntries.Count(a => a.Action == "document.downloaded" && a.EventId == eventId && a.Details!.Contains("attendee Ada Novak"))));
        Assert.Equal(1, audited);
    }
}
