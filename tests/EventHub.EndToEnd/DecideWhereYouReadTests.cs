using EventHub.Core.Data;
using EventHub.Core.Features.Events;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EventHub.EndToEnd;

/// <summary>
/// Multi-party vetting on the registration's own page: the organiser allows going beyond capacity, the host office decides
/// last and the person is approved; each group's standing is shown, the messages say what was (not) sent, and next/previous
/// walk the queue as it was filtered.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DecideWhereYouReadTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Two_groups_decide_on_the_registrations_page_and_an_organisers_override_beyond_capacity_holds_when_the_host_office_decides_last()
    {
        var kas = await App.WithDbAsync(db => TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS"));
        var clara = await App.CreateUserAsync("clara@kas.example", Password, kas.Id, organisationRoles: [OrganisationRole.CreatesEvents, OrganisationRole.KeepsDirectory]);
        var hana = await App.CreateUserAsync("hana@ep.example", Password);
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
                Capacity = 1,
                Status = EventStatus.Open,
            });
            Assert.True(created.Succeeded);
            eventId = created.Value;
        }

        var ids = new Dictionary<string, Guid>();
        await App.WithDbAsync(async db =>
        {
            var e = await db.Events.SingleAsync(x => x.Id == eventId);
            (e.ApproverGroups, e.ApprovedCount) = (["Organiser", "Host office"], 1); // the one place is taken
            db.EventTeamMembers.Add(new EventTeamMember { Id = Guid.NewGuid(), EventId = eventId, UserId = hana.Id, Role = EventRole.HostReviewer, ApproverGroup = "Host office", AddedAtUtc = DateTime.UtcNow });
            var now = DateTime.UtcNow;
            foreach (var (name, email, minutes) in new[] { ("Ada Novak", "ada@think.example", 30), ("Bob Meyer", "bob@eeas.example", 20), ("Cleo Park", "cleo@nato.example", 10) })
            {
                ids[name] = Guid.NewGuid();
                db.Registrations.Add(new Registration
                {
                    Id = ids[name], EventId = eventId, Source = RegistrationSource.Invitation, Status = RegistrationStatus.Pending, Name = name, Email = email,
                    NormalizedEmail = email, OrganisationName = "Central Asia Institute", Sector = Sector.ThinkTank, CreatedAtUtc = now.AddMinutes(-minutes),
                    UpdatedAtUtc = now, ConcurrencyStamp = Guid.NewGuid(),
                });
            }

            return await db.SaveChangesAsync();
        });

        // The organiser filters the queue, opens Ada from it and decides where she reads.
        await LogInAsync("clara@kas.example");
        await OpenAsync($"/events/{eventId}/vetting?status=Pending");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Ada Novak", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Ada Novak", Exact = true })).ToBeVisibleAsync();
        await Page.Locator("[data-circuit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(Page.GetByTestId("queue-position")).ToHaveTextAsync("1 of 3");
        await Assertions.Expect(Page.GetByTestId("awaited")).ToContainTextAsync("Organiser, Host office");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await Page.GetByLabel("Approve even beyond capacity (organisers only; audited)").CheckAsync();
        await Page.GetByLabel("Why go beyond capacity").FillAsync("Keynote speaker");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, approve 1 registration", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("decision-message")).ToContainTextAsync("nothing is sent to the person until Host office approves; no email sent");
        await Assertions.Expect(Page.GetByTestId("group-states")).ToContainTextAsync("allowed beyond capacity");
        await Assertions.Expect(Page.GetByTestId("awaited")).ToContainTextAsync("Still awaited: Host office.");
        await ScreenshotAsync("registration-decide");

        // Next walks the filtered queue.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Next →", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Bob Meyer", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("queue-position")).ToHaveTextAsync("2 of 3");

        // The host office decides last: the override holds and the approval goes out.
        await Context.ClearCookiesAsync();
        await LogInAsync("hana@ep.example");
        await OpenAsync($"/events/{eventId}/registrations/{ids["Ada Novak"]}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, approve 1 registration", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("decision-message")).ToContainTextAsync("1 registration approved; 1 email queued (see the outbox)");
        var ada = await App.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Id == ids["Ada Novak"]));
        Assert.Equal((RegistrationStatus.Approved, true), (ada.Status, ada.OverCapacity));
        await Smtp.WaitForMessageToAsync("ada@think.example", MailWait);
    }
}
