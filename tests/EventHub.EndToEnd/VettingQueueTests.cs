using EventHub.Core.Data;
using EventHub.Core.Features.Events;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EventHub.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class VettingQueueTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_vetter_sees_the_flags_and_bulk_approves_two_registrations_after_confirming()
    {
        var kas = await App.WithDbAsync(db => TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS"));
        var clara = await App.CreateUserAsync("clara@kas.example", Password, kas.Id, organisationRoles: [OrganisationRole.CreatesEvents, OrganisationRole.KeepsDirectory]);
        var vera = await App.CreateUserAsync("vera@enc.example", Password);
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
            await App.WithDbAsync(async db =>
            {
                db.EventTeamMembers.Add(new EventTeamMember { Id = Guid.NewGuid(), EventId = created.Value, UserId = vera.Id, Role = EventRole.Vetter, AddedAtUtc = DateTime.UtcNow });
                var now = DateTime.UtcNow;
                foreach (var (name, email, source, minutes) in new[]
                         {
                             ("Ada Novak", "ada@think.example", RegistrationSource.Invitation, 30),
                             ("Bob Meyer", "bob@eeas.example", RegistrationSource.Invitation, 20),
                             ("Nora Nominee", "nora@think.example", RegistrationSource.Nomination, 10),
                         })
                {
                    db.Registrations.Add(new Registration
                    {
                        Id = Guid.NewGuid(),
                        EventId = created.Value,
                        Source = source,
                        Status = RegistrationStatus.Pending,
                        Name = name,
                        Email = email,
                        NormalizedEmail = email,
                        OrganisationName = "Central Asia Institute",
                        Position = "Fellow",
                        Sector = Sector.ThinkTank,
                        CreatedAtUtc = now.AddMinutes(-minutes),
                        UpdatedAtUtc = now,
                        ConcurrencyStamp = Guid.NewGuid(),
                    });
                }

                return await db.SaveChangesAsync();
            });

            await LogInAsync("vera@enc.example");
            await OpenAsync($"/events/{created.Value}/vetting");
        }

        var rows = Page.Locator("table tbody tr");
        await Assertions.Expect(Page.GetByTestId("vetting-counts")).ToContainTextAsync("3 pending");
        await Assertions.Expect(rows.Filter(new() { HasText = "Nora Nominee" }).GetByText("Nominated, not invited")).ToBeVisibleAsync();
        await Assertions.Expect(rows.Filter(new() { HasText = "Ada Novak" }).GetByTestId("flag")).ToHaveCountAsync(0);
        await ScreenshotAsync("vetting-queue");

        await Page.GetByLabel("Select Ada Novak").CheckAsync();
        await Page.GetByLabel("Select Bob Meyer").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Approve selected", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Approve 2 registrations?" })).ToBeVisibleAsync();
        await ScreenshotAsync("vetting-confirm");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, approve 2 registrations", Exact = true }).ClickAsync();

        await Assertions.Expect(Page.GetByTestId("vetting-message")).ToContainTextAsync("2 registrations approved");
        await Assertions.Expect(rows.Filter(new() { HasText = "Ada Novak" }).GetByText("Approved", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(rows.Filter(new() { HasText = "Bob Meyer" }).GetByText("Approved", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(rows.Filter(new() { HasText = "Nora Nominee" }).GetByText("Pending", new() { Exact = true })).ToBeVisibleAsync();
        await ScreenshotAsync("vetting-approved");
        var approved = await App.WithDbAsync(db => db.Registrations.CountAsync(r => r.Status == RegistrationStatus.Approved));
        Assert.Equal(2, approved);
        await Smtp.WaitForMessageToAsync("ada@think.example", MailWait);
    }

    [Fact]
    public async Task A_full_event_refuses_an_approval_until_an_organiser_overrides_with_a_reason()
    {
        var kas = await App.WithDbAsync(db => TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS"));
        var clara = await App.CreateUserAsync("clara@kas.example", Password, kas.Id, organisationRoles: [OrganisationRole.CreatesEvents, OrganisationRole.KeepsDirectory]);
        Guid eventId;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateEvent>().ExecuteAsync(TestUsers.Principal(clara), new EventForm
            {
                Title = "A small round table", StartsLocal = DateTime.Today.AddDays(20).AddHours(10), EndsLocal = DateTime.Today.AddDays(20).AddHours(12),
                TimeZoneId = "Europe/Brussels", City = "Brussels", Venue = "Room 1", Capacity = 1, Status = EventStatus.Open,
            });
            eventId = created.Value;
        }

        await App.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            (await db.Events.SingleAsync(e => e.Id == eventId)).ApprovedCount = 1;
            foreach (var (name, status) in new[] { ("Ada Novak", RegistrationStatus.Approved), ("Bob Meyer", RegistrationStatus.Pending) })
            {
                db.Registrations.Add(new Registration
                {
                    Id = Guid.NewGuid(), EventId = eventId, Source = RegistrationSource.Invitation, Status = status, Name = name,
                    Email = name.Split(' ')[0].ToLowerInvariant() + "@think.example", NormalizedEmail = name.Split(' ')[0].ToLowerInvariant() + "@think.example",
                    OrganisationName = "Think", CreatedAtUtc = now, UpdatedAtUtc = now, ConcurrencyStamp = Guid.NewGuid(),
                });
            }

            return await db.SaveChangesAsync();
        });
        await LogInAsync("clara@kas.example");
        await OpenAsync($"/events/{eventId}/vetting");

        await Page.GetByLabel("Select Bob Meyer").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Approve selected", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, approve 1 registration", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("vetting-message")).ToContainTextAsync("Capacity reached (1 of 1)");

        await Page.GetByLabel("Select Bob Meyer").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Approve selected", Exact = true }).ClickAsync();
        await Page.GetByLabel("Approve even beyond capacity (organisers only; audited)").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, approve 1 registration", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Give the reason for approving beyond capacity.")).ToBeVisibleAsync();
        await Page.Locator("#override-reason").FillAsync("The host asked for him in person");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, approve 1 registration", Exact = true }).ClickAsync();

        await Assertions.Expect(Page.GetByTestId("vetting-message")).ToContainTextAsync("1 registration approved");
        var bob = await App.WithDbAsync(db => db.Registrations.SingleAsync(r => r.Name == "Bob Meyer"));
        Assert.Equal((RegistrationStatus.Approved, true), (bob.Status, bob.OverCapacity));
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "registration.over-capacity" && a.Details!.Contains("The host asked for him in person"))));
    }
}
