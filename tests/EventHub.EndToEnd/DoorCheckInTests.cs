using EventHub.Core.Data;
using EventHub.Core.Features.Events;
using EventHub.Core.Features.Passes;
using EventHub.Core.Features.Registrations;
using EventHub.Core.Features.Vetting;
using EventHub.Core.Registrations;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EventHub.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class DoorCheckInTests(BrowserFixture browser) : BrowserTest(browser)
{
    /// <summary>These events are tomorrow: the door admits without asking from the day before (the door day has its own tests).</summary>
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Door:DaysBefore"] = "1" };

    [Fact]
    public async Task Door_staff_on_a_phone_admit_a_pass_once_and_a_rejected_attendees_pass_is_not_on_the_list()
    {
        var kas = await App.WithDbAsync(db => TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS"));
        var clara = TestUsers.Principal(await App.CreateUserAsync("clara@kas.example", Password, kas.Id, organisationRoles: [OrganisationRole.CreatesEvents, OrganisationRole.KeepsDirectory]));
        var marc = await App.CreateUserAsync("marc@kas.example", Password, kas.Id);
        Guid eventId;
        var registrations = new Dictionary<string, Guid>();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateEvent>().ExecuteAsync(clara, new EventForm
            {
                Title = "Security Engagement in Central Asia",
                StartsLocal = DateTime.Today.AddDays(1).AddHours(10),
                EndsLocal = DateTime.Today.AddDays(1).AddHours(13),
                TimeZoneId = "Europe/Brussels",
                City = "Brussels",
                Venue = "Altiero Spinelli building, room 5G2",
                Capacity = 35,
                Status = EventStatus.Open,
            });
            Assert.True(created.Succeeded);
            eventId = created.Value;
            await App.WithDbAsync(async db =>
            {
                db.EventTeamMembers.Add(new EventTeamMember { Id = Guid.NewGuid(), EventId = eventId, UserId = marc.Id, Role = EventRole.DoorStaff, AddedAtUtc = DateTime.UtcNow });
                foreach (var (name, email, organisation) in new[] { ("Ada Novak", "ada@think.example", "Central Asia Institute"), ("Bob Meyer", "bob@eeas.example", "EEAS") })
                {
                    var id = Guid.NewGuid();
                    registrations[name] = id;
                    db.Registrations.Add(new Registration
                    {
                        Id = id, EventId = eventId, Source = RegistrationSource.Invitation, Status = RegistrationStatus.Pending,
                        Name = name, Email = email, NormalizedEmail = email, OrganisationName = organisation, Position = "Fellow",
                        CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow, ConcurrencyStamp = Guid.NewGuid(),
                    });
                }

                return await db.SaveChangesAsync();
            });
        }

        foreach (var id in registrations.Values)
        {
            await using var scope = App.Services.CreateAsyncScope();
            var approved = await scope.ServiceProvider.GetRequiredService<DecideRegistration>().ExecuteAsync(clara, id, new DecisionForm { Decision = VettingDecision.Approved });
            Assert.Equal(RegistrationStatus.Approved, approved.Value!.Status);
        }

        var adaToken = await PassTokenAsync(registrations["Ada Novak"]);
        var bobToken = await PassTokenAsync(registrations["Bob Meyer"]);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var rejected = await scope.ServiceProvider.GetRequiredService<DecideRegistration>().ExecuteAsync(clara, registrations["Bob Meyer"],
                new DecisionForm { Decision = VettingDecision.Rejected, InternalReason = "Clearance withdrawn" });
            Assert.Equal(RegistrationStatus.Rejected, rejected.Value!.Status);
        }

        // A phone held in one hand.
        await Page.SetViewportSizeAsync(390, 844);
        await LogInAsync("marc@kas.example");
        await OpenAsync($"/events/{eventId}/door");
        // What a steward types before the page is live is lost with the prerendered copy: wait until it is live.
        await Page.Locator("[data-door-ready=true]").WaitForAsync();
        await Assertions.Expect(Page.GetByTestId("door-count")).ToContainTextAsync("0 checked in of 1 approved");
        await Page.GetByLabel("This door device", new() { Exact = true }).FillAsync("Main entrance, phone 1");
        await Page.GetByLabel("This door device", new() { Exact = true }).BlurAsync();
        var scan = Page.GetByLabel("Scan or type the pass code", new() { Exact = true });
        await ScreenshotAsync("door-phone-ready");

        await scan.FillAsync(adaToken);
        await scan.PressAsync("Enter");
        var result = Page.GetByTestId("door-result");
        await Assertions.Expect(result).ToContainTextAsync("ADMITTED");
        await Assertions.Expect(result).ToContainTextAsync("Ada Novak");
        await Assertions.Expect(result).ToContainTextAsync("Central Asia Institute");
        await Assertions.Expect(Page.GetByTestId("door-count")).ToContainTextAsync("1 checked in of 1 approved");
        await Assertions.Expect(scan).ToBeFocusedAsync();
        await Assertions.Expect(scan).ToHaveValueAsync("");
        await ScreenshotAsync("door-phone-admitted");

        await scan.FillAsync(adaToken);
        await scan.PressAsync("Enter");
        await Assertions.Expect(result).ToContainTextAsync("ALREADY IN");
        await Assertions.Expect(result).ToContainTextAsync("by marc at Main entrance, phone 1");
        await Assertions.Expect(result).ToContainTextAsync("Checked in at");
        await ScreenshotAsync("door-phone-already-in");

        await scan.FillAsync(bobToken);
        await scan.PressAsync("Enter");
        await Assertions.Expect(result).ToContainTextAsync("NOT ON THE LIST");
        await Assertions.Expect(result).Not.ToContainTextAsync("Bob");
        await Assertions.Expect(result).Not.ToContainTextAsync("EEAS");
        await ScreenshotAsync("door-phone-not-on-the-list");

        await Assertions.Expect(Page.GetByTestId("door-count")).ToContainTextAsync("1 checked in of 1 approved");
        await using (var db = await Database.Factory.CreateDbContextAsync())
        {
            var row = Assert.Single(await db.CheckIns.ToListAsync());
            Assert.Equal(("Ada Novak", "Main entrance, phone 1", marc.Id), (row.Name, row.Device, row.ByUserId));
        }

        // Door staff see nothing beyond the door: the overview sends them back to it, other pages are refused.
        await Page.GotoAsync($"/events/{eventId}");
        await Page.WaitForURLAsync($"**/events/{eventId}/door");
        await OpenAsync($"/events/{eventId}/team");
        await Assertions.Expect(Page.GetByText("This page does not exist, or you do not have access to it.")).ToBeVisibleAsync();
        await OpenAsync($"/events/{eventId}/registrations/{registrations["Ada Novak"]}");
        await Assertions.Expect(Page.GetByText("This page does not exist, or you do not have access to it.")).ToBeVisibleAsync();

        // The attendee's own page shows the pass (static page, no account).
        string attendeeLink;
        await using (var db = await Database.Factory.CreateDbContextAsync())
        {
            attendeeLink = App.Services.GetRequiredService<AttendeeLinks>().Issue(db, registrations["Ada Novak"]);
            await db.SaveChangesAsync();
        }

        await Page.GotoAsync(new Uri(attendeeLink).PathAndQuery);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Your access pass", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("pass-code")).ToHaveTextAsync(adaToken);
        await Assertions.Expect(Page.Locator("section[aria-labelledby='pass-heading'] svg")).ToBeVisibleAsync();
        await ScreenshotAsync("attendee-pass-phone");
    }

    [Fact]
    public async Task An_organiser_admits_a_walk_in_only_with_a_reason_and_revokes_a_pass_from_the_registration_page()
    {
        var kas = await App.WithDbAsync(db => TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS"));
        var claraUser = await App.CreateUserAsync("clara@kas.example", Password, kas.Id, organisationRoles: [OrganisationRole.CreatesEvents, OrganisationRole.KeepsDirectory]);
        var clara = TestUsers.Principal(claraUser);
        Guid eventId, adaId = Guid.NewGuid();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateEvent>().ExecuteAsync(clara, new EventForm
            {
                Title = "Security Engagement in Central Asia",
                StartsLocal = DateTime.Today.AddDays(1).AddHours(10),
                EndsLocal = DateTime.Today.AddDays(1).AddHours(13),
                TimeZoneId = "Europe/Brussels",
                City = "Brussels",
                Venue = "Altiero Spinelli building, room 5G2",
                Capacity = 35,
                Status = EventStatus.Open,
            });
            eventId = created.Value;
            await App.WithDbAsync(async db =>
            {
                db.Registrations.Add(new Registration
                {
                    Id = adaId, EventId = eventId, Source = RegistrationSource.Invitation, Status = RegistrationStatus.Pending,
                    Name = "Ada Novak", Email = "ada@think.example", NormalizedEmail = "ada@think.example", OrganisationName = "Central Asia Institute",
                    CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow, ConcurrencyStamp = Guid.NewGuid(),
                });
                return await db.SaveChangesAsync();
            });
            var approved = await scope.ServiceProvider.GetRequiredService<DecideRegistration>().ExecuteAsync(clara, adaId, new DecisionForm { Decision = VettingDecision.Approved });
            Assert.Equal(RegistrationStatus.Approved, approved.Value!.Status);
        }

        await LogInAsync("clara@kas.example");
        await OpenAsync($"/events/{eventId}");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Open the door screen", Exact = true })).ToHaveAttributeAsync("href", $"events/{eventId}/door");
        // The event's stages lead there too: "On the day" opens with the door.
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "On the day", Exact = true })).ToHaveAttributeAsync("href", $"events/{eventId}/door");
        await OpenAsync($"/events/{eventId}/door");
        await Page.GetByText("Organiser: admit a walk-in or a problem case").ClickAsync();
        await Page.GetByLabel("Walk-in's name", new() { Exact = true }).FillAsync("Walter Ink");
        await Page.GetByLabel("Organisation", new() { Exact = true }).FillAsync("European Parliament");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Admit with this reason", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Give the reason for admitting this person (kept in the audit log).")).ToBeVisibleAsync();
        await Page.GetByLabel("Reason", new() { Exact = false }).FillAsync("The host's guest, confirmed by the MEP's office");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Admit with this reason", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("door-result")).ToContainTextAsync("ADMITTED");
        await Assertions.Expect(Page.GetByTestId("door-result")).ToContainTextAsync("Walter Ink");
        await Assertions.Expect(Page.GetByTestId("door-count")).ToContainTextAsync("1 checked in of 1 approved");
        await ScreenshotAsync("door-desktop-organiser-override");
        await using (var db = await Database.Factory.CreateDbContextAsync())
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "door.override" && a.Details!.Contains("The host's guest, confirmed by the MEP's office")));
        }

        await OpenAsync($"/events/{eventId}/registrations/{adaId}");
        await Assertions.Expect(Page.GetByTestId("pass-status")).ToContainTextAsync("Valid");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Revoke the pass", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Give the reason for revoking the pass (kept in the audit log).")).ToBeVisibleAsync();
        await Page.GetByLabel("Reason for revoking", new() { Exact = false }).FillAsync("The approval email was forwarded");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Revoke the pass", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("The pass is revoked: the door refuses it from now on.")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("pass-status")).ToContainTextAsync("No valid pass");
        await ScreenshotAsync("registration-pass-revoked");
    }

    private async Task<string> PassTokenAsync(Guid registrationId)
    {
        await using var db = await Database.Factory.CreateDbContextAsync();
        var pass = await db.AccessPasses.SingleAsync(p => p.RegistrationId == registrationId && p.VoidedAtUtc == null);
        return App.Services.GetRequiredService<AccessPasses>().Token(pass);
    }
}
