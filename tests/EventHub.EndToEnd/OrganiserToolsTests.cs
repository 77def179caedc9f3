using EventHub.Core.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EventHub.EndToEnd;

/// <summary>The organiser's tools on the demo event, walked through the screens: tag, message, export, activity, copy.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OrganiserToolsTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly LocatorAssertionsToHaveCountOptions Slow = new() { Timeout = 30_000 };

    [Fact]
    public async Task An_organiser_tags_a_registration_messages_the_tagged_exports_them_reads_the_activity_and_starts_the_next_event_from_this_one()
    {
        IReadOnlyList<DemoLogin> logins;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            logins = (await scope.ServiceProvider.GetRequiredService<SeedDemo>().ExecuteAsync())!;
        }

        var (eventId, agendaCount) = await App.WithDbAsync(async db => (await db.Events.Select(e => e.Id).SingleAsync(), await db.AgendaItems.CountAsync()));
        var organiser = logins.Single(l => l.Email.StartsWith("organiser@", StringComparison.Ordinal));
        var someone = await App.WithDbAsync(db => db.Registrations.Where(r => r.Status != Core.Data.RegistrationStatus.Cancelled).OrderBy(r => r.Name).Select(r => r.Name).FirstAsync());
        await LogInAsync(organiser.Email, organiser.Password);

        // Tags: create one, put it on a registration from the queue, filter by it.
        await OpenAsync($"/events/{eventId}/vetting");
        await Page.GetByTestId("tag-manager").Locator("summary").ClickAsync();
        await Page.GetByLabel("New tag").FillAsync("Speaker");
        await Page.GetByLabel("Colour").SelectOptionAsync("Purple");
        await Page.GetByTestId("tag-manager").GetByRole(AriaRole.Button, new() { Name = "Add tag" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#bulk-tag")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Page.GetByLabel($"Select {someone}").CheckAsync();
        await Page.Locator("#bulk-tag").SelectOptionAsync(new SelectOptionValue { Label = "Speaker" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add tag", Exact = true }).Last.ClickAsync();
        var row = Page.Locator("table tbody tr").Filter(new() { HasText = someone });
        await Assertions.Expect(row.GetByTestId("tag")).ToHaveTextAsync("Speaker", new() { Timeout = 30_000 });
        await Page.Locator("#vet-tag").SelectOptionAsync(new SelectOptionValue { Label = "Speaker" });
        // The grid keeps a page's height with empty rows: count the rows that show a registration (an email).
        await Assertions.Expect(Page.Locator("table tbody tr").Filter(new() { HasText = "@" })).ToHaveCountAsync(1, Slow);
        await ScreenshotAsync("vetting-tags");

        // A message to the tagged registrants, whatever their status: preview, then confirm the count.
        await OpenAsync($"/events/{eventId}/message");
        await Page.GetByLabel("Approved", new() { Exact = true }).UncheckAsync();
        await Page.Locator("#msg-tag").SelectOptionAsync(new SelectOptionValue { Label = "Speaker" });
        await Page.Locator("#msg-subject").FillAsync("Your slot at {event}");
        await Page.Locator("#msg-body").FillAsync("Dear {name},\n\nYou open the discussion.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("message-preview")).ToContainTextAsync("1 recipient", new() { Timeout = 30_000 });
        await ScreenshotAsync("message-preview");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send 1 email…" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send 1 now" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("message-sent")).ToContainTextAsync("1 message queued", new() { Timeout = 30_000 });
        Assert.Equal(1, await App.WithDbAsync(db => db.OutboundEmails.CountAsync(m => m.CorrelationKey.StartsWith("message:"))));

        // The export carries the tag.
        await Page.GotoAsync($"/events/{eventId}/exports");
        var csv = await Context.APIRequest.GetAsync($"/events/{eventId}/exports/registrations.csv");
        Assert.Equal(200, csv.Status);
        Assert.Contains($"{someone},", await csv.TextAsync());
        Assert.Contains(",Speaker,", await csv.TextAsync());

        // The activity says it in plain words.
        await OpenAsync($"/events/{eventId}/activity");
        var activity = Page.GetByTestId("activity");
        await Assertions.Expect(activity).ToContainTextAsync($"tagged {someone} with “Speaker”", new() { Timeout = 30_000 });
        await Assertions.Expect(activity).ToContainTextAsync("sent a message: “Your slot at {event}” to 1 registrant (");
        await Assertions.Expect(activity).ToContainTextAsync("exported registrations, CSV, ");
        await ScreenshotAsync("event-activity");

        // The next meeting starts from this one.
        await OpenAsync($"/events/{eventId}/copy");
        await Page.GetByLabel("Title of the new event").FillAsync("The follow-up talk");
        await Page.GetByLabel("New date").FillAsync(DateTime.Today.AddDays(90).ToString("yyyy-MM-dd"));
        await ScreenshotAsync("copy-event");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create the new event" }).ClickAsync();
        await Page.WaitForURLAsync(url => url.Contains("created=1", StringComparison.Ordinal) && !url.Contains(eventId.ToString(), StringComparison.Ordinal), new() { Timeout = 30_000 });
        var copy = await App.WithDbAsync(db => db.Events.Include(e => e.AgendaItems).SingleAsync(e => e.Title == "The follow-up talk"));
        Assert.Equal(agendaCount, copy.AgendaItems.Count);
        Assert.Equal(0, await App.WithDbAsync(db => db.Registrations.CountAsync(r => r.EventId == copy.Id)));
    }
}
