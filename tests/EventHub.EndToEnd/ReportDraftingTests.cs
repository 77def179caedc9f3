using EventHub.Core.Data;
using EventHub.Core.Features.Events;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EventHub.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class ReportDraftingTests(BrowserFixture browser) : BrowserTest(browser)
{
    private readonly BrowserFixture browser = browser;

    [Fact]
    public async Task A_rapporteur_types_sees_the_preview_and_autosave_and_a_second_editor_saving_first_gets_the_conflict_view_with_both_texts()
    {
        var eventId = await CreateEventAsync();
        await LogInAsync("rita@kas.example");
        await OpenAsync($"/events/{eventId}/report");

        var editor = Page.GetByLabel("Text (Markdown)", new() { Exact = true });
        await Assertions.Expect(editor).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^# Security Engagement in Central Asia"));
        await Assertions.Expect(Page.GetByTestId("preview").GetByRole(AriaRole.Heading, new() { Name = "Security Engagement in Central Asia", Level = 1 })).ToBeVisibleAsync();

        // Typing: the preview follows (sanitised: the script never reaches the page) and the text is autosaved.
        await editor.ClickAsync();
        await Page.Keyboard.PressAsync("Control+End");
        const string typed = "\n\n**Participants agreed** that the EU should engage the region as a whole.<script>alert(1)</script>";
        await editor.PressSequentiallyAsync(typed);
        // Every keystroke arrives, however fast the typing: the page never re-renders the text under the cursor.
        await Assertions.Expect(editor).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(typed.TrimStart('\n')) + "$"));
        await Assertions.Expect(Page.GetByTestId("preview").Locator("strong", new() { HasText = "Participants agreed" })).ToBeVisibleAsync();
        Assert.Equal(0, await Page.GetByTestId("preview").Locator("script").CountAsync());
        await Assertions.Expect(Page.GetByTestId("save-status")).ToContainTextAsync("Autosaved", new() { Timeout = 20_000 });
        await ScreenshotAsync("report-editor");
        var stored = await App.WithDbAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.EventId == eventId));
        Assert.Contains("**Participants agreed** that the EU should engage the region as a whole.", stored.Markdown);

        // The organiser opens the same report in another browser and saves first.
        var other = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseUrl });
        other.SetDefaultTimeout(15_000);
        var organiser = await other.NewPageAsync();
        await organiser.GotoAsync("/Account/Login");
        await organiser.Locator("input[name='Input.Email']").FillAsync("clara@kas.example");
        await organiser.Locator("input[name='Input.Password']").FillAsync(Password);
        await organiser.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await organiser.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await organiser.GotoAsync($"/events/{eventId}/report");
        await organiser.Locator("[data-circuit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var theirEditor = organiser.GetByLabel("Text (Markdown)", new() { Exact = true });
        await Assertions.Expect(theirEditor).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Participants agreed"));
        await theirEditor.ClickAsync();
        await organiser.Keyboard.PressAsync("Control+End");
        await theirEditor.PressSequentiallyAsync("\n\nThe organiser's closing paragraph.");
        await organiser.GetByRole(AriaRole.Button, new() { Name = "Save version", Exact = true }).ClickAsync();
        await Assertions.Expect(organiser.GetByTestId("save-status")).ToContainTextAsync("Saved as version");

        // Meanwhile the rapporteur keeps typing: her autosave is refused and the conflict view shows both texts.
        await editor.PressSequentiallyAsync("\n\nThe rapporteur's own sentence.");
        var conflict = Page.GetByTestId("conflict");
        await Assertions.Expect(conflict).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(Page.GetByLabel("Their text (version 3, now the report)", new() { Exact = true })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("The organiser's closing paragraph\\.\\s*$"));
        await Assertions.Expect(Page.GetByLabel("Your text (not saved)", new() { Exact = true })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("The rapporteur's own sentence\\.\\s*$"));
        await Assertions.Expect(conflict.GetByTestId("diff").Locator("ins", new() { HasText = "rapporteur's own sentence." })).ToBeVisibleAsync();
        await Assertions.Expect(conflict.GetByTestId("diff").Locator("del", new() { HasText = "organiser's closing paragraph." })).ToBeVisibleAsync();
        await Assertions.Expect(editor).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("The rapporteur's own sentence\\.\\s*$"));
        await ScreenshotAsync("report-conflict");
        await Page.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync("report-conflict-phone");
        await Page.SetViewportSizeAsync(1280, 900);

        // Nothing was lost: the organiser's text is the report; the rapporteur keeps hers as a new version.
        stored = await App.WithDbAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.EventId == eventId));
        Assert.EndsWith("The organiser's closing paragraph.", stored.Markdown);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Keep mine (replace theirs with a new version)", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("save-status")).ToContainTextAsync("Saved as version 4");
        await Assertions.Expect(conflict).ToHaveCountAsync(0);
        stored = await App.WithDbAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.EventId == eventId));
        Assert.EndsWith("The rapporteur's own sentence.", stored.Markdown);

        // The history compares any two versions word by word.
        await OpenAsync($"/events/{eventId}/report/versions");
        await Assertions.Expect(Page.GetByTestId("diff").Locator("del", new() { HasText = "organiser's closing paragraph." })).ToBeVisibleAsync();
        await Page.GetByLabel("From version", new() { Exact = true }).SelectOptionAsync("1");
        await Assertions.Expect(Page.GetByTestId("diff").Locator("ins", new() { HasText = "Participants agreed" })).ToBeVisibleAsync();
        await ScreenshotAsync("report-versions");
        await other.CloseAsync();
    }

    [Fact]
    public async Task An_organiser_asks_for_consent_by_email_and_the_person_confirms_through_the_link()
    {
        var eventId = await CreateEventAsync();
        await LogInAsync("clara@kas.example");
        await OpenAsync($"/events/{eventId}/report/consents");
        await Assertions.Expect(Page.GetByTestId("no-consents")).ToBeVisibleAsync();

        // Asking without an address says what is missing; then the request goes out after confirmation.
        await Page.GetByLabel("Name *", new() { Exact = true }).FillAsync("Janne Leino");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ask them by email…", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Enter the email address the request should go to.")).ToBeVisibleAsync();
        await Page.GetByLabel("Email (needed to ask by email)", new() { Exact = true }).FillAsync("janne@kas.example");
        await Page.GetByLabel("Affiliation as printed", new() { Exact = true }).FillAsync("Programme Manager, KAS MDPD");
        await Page.GetByLabel("Closing remarks (on the record)", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ask them by email…", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Send the request to janne@kas.example now?")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, send the request", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("consent-row").Filter(new() { HasText = "Janne Leino" }).GetByText("Asked", new() { Exact = true })).ToBeVisibleAsync();
        await ScreenshotAsync("report-consents");

        var request = await Smtp.WaitForMessageToAsync("janne@kas.example", MailWait);
        var person = await (await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 } })).NewPageAsync();
        var response = await person.GotoAsync(LinkIn(request, "/consent/"));
        Assert.Equal("no-referrer", response!.Headers["referrer-policy"]);
        await Assertions.Expect(person.GetByText("for what you said during: Closing remarks")).ToBeVisibleAsync();
        await person.ScreenshotAsync(new() { Path = ScreenshotPath("consent-page-phone"), FullPage = true });
        await person.GetByRole(AriaRole.Button, new() { Name = "Yes, you may name me", Exact = true }).ClickAsync();
        await Assertions.Expect(person.GetByText("Thank you: you may be named as described above.")).ToBeVisibleAsync();
        await person.Context.CloseAsync();

        await OpenAsync($"/events/{eventId}/report/consents");
        await Assertions.Expect(Page.GetByTestId("consent-row").Filter(new() { HasText = "Janne Leino" }).GetByText("Confirmed", new() { Exact = true })).ToBeVisibleAsync();
        var consent = await App.WithDbAsync(db => db.OnRecordConsents.AsNoTracking().SingleAsync());
        Assert.Equal(ConsentStatus.Confirmed, consent.Status);
    }

    private static string ScreenshotPath(string name)
        => Path.Combine(Environment.GetEnvironmentVariable("EVENTHUB_SCREENSHOTS") is { Length: > 0 } d ? d : Path.GetTempPath(), name + ".png");

    private async Task<Guid> CreateEventAsync()
    {
        var kas = await App.WithDbAsync(db => TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS"));
        var clara = await App.CreateUserAsync("clara@kas.example", Password, kas.Id, organisationRoles: [OrganisationRole.CreatesEvents, OrganisationRole.KeepsDirectory]);
        var rita = await App.CreateUserAsync("rita@kas.example", Password, kas.Id);
        await using var scope = App.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<CreateEvent>().ExecuteAsync(TestUsers.Principal(clara), new EventForm
        {
            Title = "Security Engagement in Central Asia",
            StartsLocal = DateTime.Today.AddDays(-1).AddHours(10),
            EndsLocal = DateTime.Today.AddDays(-1).AddHours(13),
            TimeZoneId = "Europe/Brussels",
            City = "Brussels",
            Venue = "Altiero Spinelli building, room 5G2",
            Capacity = 35,
            HostName = "MEP Michael Gahler (DE)",
            Status = EventStatus.Closed,
        });
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.SelectMany(e => e.Value)));
        await App.WithDbAsync(async db =>
        {
            var e = await db.Events.SingleAsync(x => x.Id == created.Value);
            db.EventTeamMembers.Add(new EventTeamMember { Id = Guid.NewGuid(), EventId = created.Value, UserId = rita.Id, Role = EventRole.Rapporteur, AddedAtUtc = DateTime.UtcNow });
            db.AgendaItems.Add(new AgendaItem { Id = Guid.NewGuid(), EventId = created.Value, Title = "Discussion", StartsAtUtc = e.StartsAtUtc.AddMinutes(30), Confidentiality = ConfidentialityLevel.ChathamHouse, SortOrder = 1 });
            db.AgendaItems.Add(new AgendaItem { Id = Guid.NewGuid(), EventId = created.Value, Title = "Closing remarks", StartsAtUtc = e.StartsAtUtc.AddMinutes(150), Confidentiality = ConfidentialityLevel.OnTheRecord, SortOrder = 2 });
            return await db.SaveChangesAsync();
        });
        return created.Value;
    }
}
