using System.Security.Claims;
using EventHub.Core.Data;
using EventHub.Core.Features.Events;
using EventHub.Core.Features.Invitations;
using EventHub.Core.Features.Reports;
using EventHub.Core.Features.Vetting;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EventHub.EndToEnd;

/// <summary>
/// Languages in the browser: a German invitee answers on a German page and switches it to French; and every page outside
/// the team, run in the pseudo-locale, shows no text that skipped the resources.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string Title = "Security Engagement in Central Asia";

    private sealed record Scenario(Guid EventId, ClaimsPrincipal Organiser, Guid GretaId);

    private async Task<Scenario> SetUpAsync(EventHubAppFactory app)
    {
        var kas = await app.WithDbAsync(db => TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS"));
        var clara = await app.CreateUserAsync("clara@kas.example", Password, kas.Id, organisationRoles: [OrganisationRole.CreatesEvents, OrganisationRole.KeepsDirectory]);
        var organiser = TestUsers.Principal(clara);
        await using var scope = app.Services.CreateAsyncScope();
        var start = DateTime.Today.AddDays(20).AddHours(10);
        var created = await scope.ServiceProvider.GetRequiredService<CreateEvent>().ExecuteAsync(organiser, new EventForm
        {
            Title = Title, StartsLocal = start, EndsLocal = start.AddHours(3),
            TimeZoneId = "Europe/Brussels", City = "Brussels", Venue = "Altiero Spinelli building, room 5G2", Capacity = 35, Status = EventStatus.Open,
        });
        var eventId = created.Value;
        await scope.ServiceProvider.GetRequiredService<SaveAgendaItem>().ExecuteAsync(organiser, eventId, new AgendaItemForm
        {
            Title = "Drones over the steppe", StartsLocal = start, EndsLocal = start.AddHours(1), Confidentiality = ConfidentialityLevel.ChathamHouse,
        });
        var gretaId = Guid.NewGuid();
        await app.WithDbAsync(async db =>
        {
            await db.Events.Where(e => e.Id == eventId).ExecuteUpdateAsync(u => u.SetProperty(e => e.AllowRequests, true));
            db.Contacts.Add(new Contact
            {
                Id = gretaId, DirectoryOrganisationId = kas.Id, Name = "Greta Hoffmann", Email = "greta@swp.example", NormalizedEmail = "greta@swp.example",
                Sector = Sector.ThinkTank, OrganisationName = "SWP", PreferredLanguage = "de",
            });
            return await db.SaveChangesAsync();
        });
        var invited = await scope.ServiceProvider.GetRequiredService<InviteExperts>().ExecuteAsync(organiser, eventId, new InviteForm
        {
            ContactIds = [gretaId],
            Versions = [new LocalizedText { Language = "de", Subject = "Einladung: {event}", Message = "Guten Tag {name},\n\nwir laden Sie am {date} nach {city} ein." }],
            EnglishWhereMissing = true,
        });
        Assert.True(invited.Succeeded, string.Join(" ", invited.Errors.SelectMany(e => e.Value)));
        return new Scenario(eventId, organiser, gretaId);
    }

    [Fact]
    public async Task A_German_invitee_answers_on_a_German_page_gets_German_emails_and_can_switch_to_French()
    {
        await SetUpAsync(App);
        var invitation = await Smtp.WaitForMessageToAsync("greta@swp.example", MailWait);
        Assert.Equal("Einladung: " + Title, invitation.Subject);

        await Page.GotoAsync(LinkIn(invitation, "/i/"));
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Die Chatham-House-Regel" })).ToBeVisibleAsync();
        Assert.Equal("de", await Page.Locator("select#language-choice").InputValueAsync());
        await Page.GetByLabel("Ich werde die Chatham-House-Regel einhalten.").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Einladung annehmen", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Vielen Dank. Ihre Anmeldung liegt den Veranstaltern vor")).ToBeVisibleAsync();
        await ScreenshotAsync("invitation-de");

        var received = await Smtp.WaitForMessageToAsync("greta@swp.example", MailWait, m => m.Subject != null && m.Subject.StartsWith("Anmeldung eingegangen", StringComparison.Ordinal));
        await Page.GotoAsync(LinkIn(received, "/r/"));
        await Assertions.Expect(Page.Locator("#status-text")).ToContainTextAsync("In Prüfung");

        // She switches her page to French: the page, and from now on her emails, are in French.
        await Page.Locator("select#language-choice").SelectOptionAsync("fr");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ändern", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Votre inscription" })).ToBeVisibleAsync();
        var registrationId = await App.WithDbAsync(db => db.Registrations.Select(r => r.Id).SingleAsync());
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var organiser = await App.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "clara@kas.example"));
            var approved = await scope.ServiceProvider.GetRequiredService<DecideRegistration>().ExecuteAsync(TestUsers.Principal(organiser), registrationId, new DecisionForm { Decision = VettingDecision.Approved });
            Assert.True(approved.Succeeded);
        }

        var confirmation = await Smtp.WaitForMessageToAsync("greta@swp.example", MailWait, m => m.Subject != null && m.Subject.StartsWith("Votre participation est confirmée", StringComparison.Ordinal));
        Assert.Contains(confirmation.Attachments, a => a.ContentDisposition?.FileName == "laissez-passer.png");
        await Page.ReloadAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Votre laissez-passer" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Accès" })).ToBeVisibleAsync();
        await ScreenshotAsync("attendee-fr");

        // The organiser picks German in the account menu: the staff screens follow, interactive pages included, and it is remembered.
        await Context.ClearCookiesAsync();
        await LogInAsync("clara@kas.example");
        await Page.Locator("select#nav-language").SelectOptionAsync("de");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Apply", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Veranstaltungen", Exact = true })).ToBeVisibleAsync();
        await OpenAsync("/events");
        await Assertions.Expect(Page.GetByText("Offen", new() { Exact = true }).First).ToBeVisibleAsync();
        Assert.Equal("de", await App.WithDbAsync(db => db.Users.Where(u => u.Email == "clara@kas.example").Select(u => u.PreferredLanguage).SingleAsync()));
        await Context.ClearCookiesAsync();
        await LogInAsync("clara@kas.example");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Veranstaltungen", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Every_page_outside_the_team_run_in_the_pseudo_locale_shows_no_untranslated_text()
    {
        await using var app = EventHubAppFactory.Create(Database, Smtp, realServer: true, settings: new Dictionary<string, string?> { ["Languages:Pseudo"] = "true" }).UseRealServer();
        var s = await SetUpAsync(app);
        var invitation = await Smtp.WaitForMessageToAsync("greta@swp.example", MailWait);
        await using var context = await Context.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();
        string[] data = [Title, "Konrad-Adenauer-Stiftung", "KAS", "Greta Hoffmann", "greta@swp.example", "SWP", "Brussels", "Altiero Spinelli building, room 5G2",
            "Drones over the steppe", "CET", "CEST", "English", "Français", "Deutsch", "EventHub", "Institute"];

        async Task CheckAsync(string path, string name)
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var untranslated = await page.EvaluateAsync<string[]>(PseudoLocaleText.UntranslatedScript, data);
            Assert.True(untranslated.Length == 0, $"{name} ({path}) shows text that is not from the resources: “{string.Join("”, “", untranslated)}”");
        }

        await CheckAsync(LinkIn(invitation, "/i/"), "invitation page");
        await CheckAsync(LinkIn(invitation, "/unsubscribe/"), "unsubscribe page");
        await CheckAsync($"/request/{s.EventId}", "request-to-attend page");
        await CheckAsync("/i/" + Core.Common.PersonalToken.Create().Token, "invalid-link page");
        await CheckAsync("/reports/no-such-report", "unpublished report page");

        // Accepted, approved: the attendee page with its pass, getting in, agenda, pre-read and participants; and the consent page.
        await page.GotoAsync(LinkIn(invitation, "/i/"));
        await page.Locator("#accept-rule").CheckAsync();
        await page.Locator("button.btn-primary").First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await CheckAsync(page.Url, "invitation page after accepting");
        var registrationId = await app.WithDbAsync(db => db.Registrations.Select(r => r.Id).SingleAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<DecideRegistration>().ExecuteAsync(s.Organiser, registrationId, new DecisionForm { Decision = VettingDecision.Approved })).Succeeded);
            Assert.True((await scope.ServiceProvider.GetRequiredService<RequestConsent>().ExecuteAsync(s.Organiser, s.EventId, new ConsentForm { RegistrationId = registrationId, Name = "Greta Hoffmann", Email = "greta@swp.example", Affiliation = "SWP" })).Succeeded);
        }

        var approved = await Smtp.WaitForMessageToAsync("greta@swp.example", MailWait, m => m.Attachments.Any());
        await CheckAsync(LinkIn(approved, "/r/"), "attendee page");
        var consent = await Smtp.WaitForMessageToAsync("greta@swp.example", MailWait, m => m.TextBody?.Contains("/consent/") == true);
        await CheckAsync(LinkIn(consent, "/consent/"), "consent page");
    }
}
