using EventHub.Core.Data;
using EventHub.Core.Features.Events;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EventHub.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class EventTests(BrowserFixture browser) : BrowserTest(browser)
{
    private async Task<Organisation> OrganisationAsync(string name) => await App.WithDbAsync(db => TestUsers.CreateOrganisationAsync(db, name));

    private async Task<Guid> CreateEventAsync(ApplicationUser organiser, string title)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<CreateEvent>().ExecuteAsync(TestUsers.Principal(organiser), new EventForm
        {
            Title = title,
            StartsLocal = DateTime.Today.AddDays(20).AddHours(10),
            EndsLocal = DateTime.Today.AddDays(20).AddHours(13),
            TimeZoneId = "Europe/Brussels",
            City = "Brussels",
            Venue = "Secret room 5G2",
            Capacity = 35,
        });
        Assert.True(outcome.Succeeded);
        return outcome.Value;
    }

    [Fact]
    public async Task An_organiser_creates_an_event_and_sees_its_overview()
    {
        var kas = await OrganisationAsync("Konrad-Adenauer-Stiftung");
        await App.CreateUserAsync("clara@kas.example", Password, kas.Id, organisationRoles: [OrganisationRole.CreatesEvents, OrganisationRole.KeepsDirectory]);
        await LogInAsync("clara@kas.example");
        await OpenAsync("/events");
        await Assertions.Expect(Page.GetByText("No events yet.")).ToBeVisibleAsync();

        await OpenAsync("/events/new");
        await Page.GetByLabel("Title").FillAsync("Background talk on Central Asia");
        await Page.GetByLabel("Starts").FillAsync("2027-06-29T10:00");
        await Page.GetByLabel("Ends").FillAsync("2027-06-29T13:00");
        await Page.GetByLabel("City", new() { Exact = true }).FillAsync("Brussels");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create event", Exact = true }).ClickAsync();

        await Assertions.Expect(Page.GetByText("The event was created.")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Tue 29 Jun 2027, 10:00 CEST")).ToBeVisibleAsync();
        await ScreenshotAsync("event-overview");
        var saved = await App.WithDbAsync(db => db.Events.SingleAsync());
        Assert.Equal(new DateTime(2027, 6, 29, 8, 0, 0), saved.StartsAtUtc);
    }

    [Fact]
    public async Task Validation_errors_are_shown_next_to_the_field_and_nothing_is_saved()
    {
        var kas = await OrganisationAsync("Konrad-Adenauer-Stiftung");
        await App.CreateUserAsync("clara@kas.example", Password, kas.Id, organisationRoles: [OrganisationRole.CreatesEvents, OrganisationRole.KeepsDirectory]);
        await LogInAsync("clara@kas.example");
        await OpenAsync("/events/new");

        await Page.GetByLabel("Title").FillAsync("Background talk on Central Asia");
        await Page.GetByLabel("Starts").FillAsync("2027-06-29T13:00");
        await Page.GetByLabel("Ends").FillAsync("2027-06-29T10:00");
        await Page.GetByLabel("Capacity").FillAsync("0");
        // The zone is chosen from a list, narrowed by a search: nothing to mistype.
        await Page.GetByLabel("Find a zone").FillAsync("lisb");
        await Page.Locator("#timezone").SelectOptionAsync("Europe/Lisbon");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create event", Exact = true }).ClickAsync();

        // Each message stands in the same column as the field that caused it.
        var capacityField = Page.Locator("div.col-md-4", new() { Has = Page.Locator("#capacity") });
        await Assertions.Expect(capacityField.Locator(".validation-message")).ToHaveTextAsync("Capacity must be between 1 and 100,000.");
        await Page.GetByLabel("Capacity").FillAsync("35");
        await Page.GetByLabel("Find a zone").FillAsync("brussels");
        await Page.Locator("#timezone").SelectOptionAsync("Europe/Brussels");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create event", Exact = true }).ClickAsync();
        var endField = Page.Locator("div.col-md-4", new() { Has = Page.Locator("#ends") });
        await Assertions.Expect(endField.Locator(".validation-message")).ToHaveTextAsync("The end must be after the start.");
        await ScreenshotAsync("event-validation");

        // What was typed is still there, and nothing was written.
        await Assertions.Expect(Page.GetByLabel("Title")).ToHaveValueAsync("Background talk on Central Asia");
        Assert.Equal(0, await App.WithDbAsync(db => db.Events.CountAsync()));
    }

    [Fact]
    public async Task An_organiser_cannot_open_another_organisations_event_by_changing_the_id()
    {
        var kas = await OrganisationAsync("Konrad-Adenauer-Stiftung");
        var other = await OrganisationAsync("Another Foundation");
        var clara = await App.CreateUserAsync("clara@kas.example", Password, kas.Id, organisationRoles: [OrganisationRole.CreatesEvents, OrganisationRole.KeepsDirectory]);
        var ivan = await App.CreateUserAsync("ivan@other.example", Password, other.Id, organisationRoles: [OrganisationRole.CreatesEvents, OrganisationRole.KeepsDirectory]);
        var mine = await CreateEventAsync(ivan, "Ivan's own meeting");
        var theirs = await CreateEventAsync(clara, "Confidential: Central Asia background talk");
        await LogInAsync("ivan@other.example");

        await OpenAsync($"/events/{mine}");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Ivan's own meeting" })).ToBeVisibleAsync();

        foreach (var path in new[] { $"/events/{theirs}", $"/events/{theirs}/edit", $"/events/{theirs}/agenda", $"/events/{theirs}/team", $"/outbox?event={theirs}" })
        {
            await OpenAsync(path);
            await Assertions.Expect(Page.GetByText("This page does not exist, or you do not have access to it.")).ToBeVisibleAsync();
            var html = await Page.ContentAsync();
            Assert.DoesNotContain("Confidential: Central Asia", html);
            Assert.DoesNotContain("Secret room", html);
        }

        await OpenAsync("/events");
        await Assertions.Expect(Page.GetByText("Ivan's own meeting")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Confidential: Central Asia background talk")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_organiser_builds_the_agenda_and_the_team()
    {
        var kas = await OrganisationAsync("Konrad-Adenauer-Stiftung");
        var clara = await App.CreateUserAsync("clara@kas.example", Password, kas.Id, organisationRoles: [OrganisationRole.CreatesEvents, OrganisationRole.KeepsDirectory]);
        await App.CreateUserAsync("marc@kas.example", Password, kas.Id);
        var eventId = await CreateEventAsync(clara, "Background talk");
        var day = DateTime.Today.AddDays(20).ToString("yyyy-MM-dd");
        await LogInAsync("clara@kas.example");

        await OpenAsync($"/events/{eventId}/agenda");
        await Page.GetByLabel("Title").FillAsync("Discussion");
        await Page.GetByLabel("Starts").FillAsync($"{day}T10:45");
        await Page.GetByLabel("Ends").FillAsync($"{day}T12:30");
        await Page.GetByLabel("Chatham House —").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add item", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("“Discussion” was added to the agenda.")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator(".list-group-item").Filter(new() { HasText = "Discussion" }).GetByText("Chatham House", new() { Exact = true })).ToBeVisibleAsync();

        await Page.GetByLabel("Title").FillAsync("Too late");
        await Page.GetByLabel("Starts").FillAsync($"{day}T18:00");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add item", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("The item must start during the event.")).ToBeVisibleAsync();

        await OpenAsync($"/events/{eventId}/team");
        await Page.GetByLabel("Staff member's email").FillAsync("marc@kas.example");
        await Page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync("DoorStaff");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("marc@kas.example is now Door staff on this event.")).ToBeVisibleAsync();
        await ScreenshotAsync("event-team");

        var roles = await App.WithDbAsync(db => db.EventTeamMembers.Where(t => t.EventId == eventId).Select(t => t.Role).ToListAsync());
        Assert.Equal([EventRole.Organiser, EventRole.DoorStaff], roles.Order());
        Assert.Equal(1, await App.WithDbAsync(db => db.AgendaItems.CountAsync()));
    }
}
