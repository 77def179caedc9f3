using EventHub.Core.Data;
using EventHub.Core.Features.Events;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EventHub.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class PrivacyTests(BrowserFixture browser) : BrowserTest(browser)
{
    // Answers that need a database round trip get longer than Playwright's 5 s: the shared build machine is often very loaded.
    private static readonly LocatorAssertionsToBeVisibleOptions Slow = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToContainTextOptions SlowText = new() { Timeout = 30_000 };

    private async Task<Guid> SeedAsync()
    {
        var kas = await App.WithDbAsync(db => TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS"));
        var clara = await App.CreateUserAsync("clara@kas.example", Password, kas.Id, organisationRoles: [OrganisationRole.CreatesEvents, OrganisationRole.KeepsDirectory]);
        await App.CreateUserAsync("admin@eventhub.example", Password, administrator: true);
        await using var scope = App.Services.CreateAsyncScope();
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
        var security = scope.ServiceProvider.GetRequiredService<Core.Registrations.SecurityData>()
            .Protect(new Core.Registrations.SecurityDetails(new DateOnly(1980, 5, 17), "Belgian", "Passport", "EH1234567"));
        await App.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            db.Contacts.Add(new Contact { Id = Guid.NewGuid(), DirectoryOrganisationId = kas.Id, Name = "Ada Novak", Email = "ada@think.example", NormalizedEmail = "ada@think.example", Position = "Senior fellow", CreatedAtUtc = now, UpdatedAtUtc = now });
            db.Registrations.Add(new Registration
            {
                Id = Guid.NewGuid(), EventId = created.Value, Source = RegistrationSource.Request, Status = RegistrationStatus.Approved,
                Name = "Ada Novak", Email = "ada@think.example", NormalizedEmail = "ada@think.example", OrganisationName = "Central Asia Institute",
                Position = "Fellow", Phone = "+32 2 555 0101", Sector = Sector.ThinkTank, ProtectedSecurityData = security,
                CreatedAtUtc = now, UpdatedAtUtc = now, ApprovedAtUtc = now, ConcurrencyStamp = Guid.NewGuid(),
            });
            return await db.SaveChangesAsync();
        });
        return created.Value;
    }

    [Fact]
    public async Task An_administrator_exports_a_person_reads_the_page_erases_them_and_sees_it_in_the_audit_log()
    {
        await SeedAsync();
        await LogInAsync("admin@eventhub.example");
        await OpenAsync("/admin/people");

        await Page.GetByLabel("Email address", new() { Exact = false }).FillAsync("ADA@think.example");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Find their data", Exact = true }).ClickAsync();

        var result = Page.Locator("section[aria-labelledby='result-heading']");
        await Assertions.Expect(result.GetByRole(AriaRole.Heading, new() { Name = "What EventHub holds about ada@think.example", Exact = true })).ToBeVisibleAsync(Slow);
        await Assertions.Expect(result).ToContainTextAsync("in the directory of Konrad-Adenauer-Stiftung");
        await Assertions.Expect(result).ToContainTextAsync("+32 2 555 0101");
        await Assertions.Expect(result).ToContainTextAsync("born 17 May 1980, Belgian, Passport EH1234567");
        await ScreenshotAsync("privacy-person-export");
        await Page.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync("privacy-person-export-phone");
        await Page.SetViewportSizeAsync(1280, 900);

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Download as JSON", Exact = true }).ClickAsync());
        var path = await download.PathAsync();
        var json = await File.ReadAllTextAsync(path!);
        Assert.Equal("personal-data-ada-think-example.json", download.SuggestedFilename);
        Assert.Contains("\"Name\": \"Ada Novak\"", json);
        Assert.Contains("EH1234567", json);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Erase this person…", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Alertdialog)).ToContainTextAsync("1 registration will be anonymised (the counts stay), 1 directory contact and 0 invitations deleted");
        await ScreenshotAsync("privacy-person-erase-confirm");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Erase ada@think.example", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("ada@think.example was erased: registrations anonymised: 1", SlowText);

        Assert.Equal(0, await App.WithDbAsync(db => db.Registrations.CountAsync(r => r.Name == "Ada Novak")));
        Assert.Equal(0, await App.WithDbAsync(db => db.Contacts.CountAsync()));

        await OpenAsync("/admin/audit");
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Chain" })).ToContainTextAsync("Chain intact", SlowText);
        await Assertions.Expect(Page.Locator("table")).ToContainTextAsync("person.erased");
        await Page.GetByLabel("Action", new() { Exact = true }).FillAsync("person.");
        await Page.GetByLabel("Action", new() { Exact = true }).PressAsync("Enter");
        await Assertions.Expect(Page.GetByText("Matching: 2 entries")).ToBeVisibleAsync(Slow);
        await Assertions.Expect(Page.Locator("table")).Not.ToContainTextAsync("ada@think.example");
        await ScreenshotAsync("privacy-audit-log");
    }

    [Fact]
    public async Task An_organiser_sees_what_will_be_erased_and_when_and_shortens_the_policy()
    {
        var eventId = await SeedAsync();
        await LogInAsync("clara@kas.example");
        await OpenAsync($"/events/{eventId}/retention");

        var security = Page.Locator("section[aria-labelledby='rule-securitydata']");
        await Assertions.Expect(security).ToContainTextAsync("30 days after the event ends");
        await Assertions.Expect(security).ToContainTextAsync("Registrations with security data: 1");
        var end = DateTime.Today.AddDays(20).AddHours(13);
        await Assertions.Expect(security).ToContainTextAsync(end.AddDays(30).ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
        await Assertions.Expect(Page.Locator("section[aria-labelledby='rule-attendeesandinviteespersonaldata']")).ToContainTextAsync("12 months after the event ends");
        await ScreenshotAsync("privacy-retention");

        await Page.GetByLabel("Erase security data, days after the event", new() { Exact = true }).FillAsync("45");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save policy", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Security data can be kept between 0 and 30 days")).ToBeVisibleAsync(Slow);
        await Page.GetByLabel("Erase security data, days after the event", new() { Exact = true }).FillAsync("7");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save policy", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("security data is erased 7 days", SlowText);
        await Assertions.Expect(security).ToContainTextAsync(end.AddDays(7).ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
        await Page.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync("privacy-retention-phone");
    }
}
