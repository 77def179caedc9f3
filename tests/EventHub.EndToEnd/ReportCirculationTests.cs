using EventHub.Core.Attribution;
using EventHub.Core.Data;
using EventHub.Core.Features.Events;
using EventHub.Core.Features.Reports;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;

namespace EventHub.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class ReportCirculationTests(BrowserFixture browser) : BrowserTest(browser)
{
    /// <summary>This test is about review and sending, not the non-attribution check: the report is taken as clean.</summary>
    private sealed class NoOpenFindings : IOpenFindingsSource
    {
        public Task<IReadOnlyList<AttributionFinding>> GetOpenFindingsAsync(Guid reportId, CancellationToken ct) => Task.FromResult<IReadOnlyList<AttributionFinding>>([]);
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<IOpenFindingsSource>();
        services.AddSingleton<IOpenFindingsSource, NoOpenFindings>();
    }

    [Fact]
    public async Task A_host_reviewer_approves_and_the_organiser_circulates_after_confirming()
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
                StartsLocal = DateTime.Today.AddDays(-2).AddHours(10),
                EndsLocal = DateTime.Today.AddDays(-2).AddHours(13),
                TimeZoneId = "Europe/Brussels",
                City = "Brussels",
                Venue = "Altiero Spinelli building, room 5G2",
                Capacity = 35,
                Status = EventStatus.Open,
            });
            Assert.True(created.Succeeded);
            eventId = created.Value;
        }

        await App.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            db.EventTeamMembers.Add(new EventTeamMember { Id = Guid.NewGuid(), EventId = eventId, UserId = hana.Id, Role = EventRole.HostReviewer, ApproverGroup = "Host office", AddedAtUtc = now });
            var ada = new Registration
            {
                Id = Guid.NewGuid(),
                EventId = eventId,
                Source = RegistrationSource.Invitation,
                Status = RegistrationStatus.Approved,
                Name = "Ada Novak",
                Email = "ada@think.example",
                NormalizedEmail = "ada@think.example",
                OrganisationName = "Central Asia Institute",
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
                ConcurrencyStamp = Guid.NewGuid(),
            };
            db.Registrations.Add(ada);
            db.CheckIns.Add(new CheckIn { Id = Guid.NewGuid(), EventId = eventId, RegistrationId = ada.Id, Kind = CheckInKind.NameSearch, Name = ada.Name, AtUtc = now });
            const string text = "## The study's findings\n\nThe discussion covered **regional security cooperation** and energy policy.\n\n## Outcomes\n\nA policy paper follows in autumn.";
            db.Reports.Add(new Report
            {
                Id = Guid.NewGuid(),
                EventId = eventId,
                Title = "China's and Russia's Security Engagement in Central Asia",
                Markdown = text,
                CurrentVersion = 1,
                Status = ReportStatus.InReview,
                RequiredReviewGroups = ["Host office"],
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
                ConcurrencyStamp = Guid.NewGuid(),
            });
            return await db.SaveChangesAsync();
        });

        // The MEP's office approves.
        await LogInAsync("hana@ep.example");
        await OpenAsync($"/events/{eventId}/report/review");
        await Assertions.Expect(Page.GetByText("In review", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Outcomes", Exact = true })).ToBeVisibleAsync();
        await ScreenshotAsync("report-review-in-review");
        await Page.GetByLabel("Approve", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record decision", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Every required group has approved");
        await Assertions.Expect(Page.GetByTestId("review-groups")).ToContainTextAsync("Approved");
        await ScreenshotAsync("report-review-approved");
        Assert.Equal(0, await Page.GetByRole(AriaRole.Link, new() { Name = "Circulate", Exact = true }).CountAsync()); // host reviewers do not circulate

        // The organiser checks the audience, confirms, and the copies go out.
        await Context.ClearCookiesAsync();
        await LogInAsync("clara@kas.example");
        await OpenAsync($"/events/{eventId}/report/circulate");
        // Only the attendees are ticked at first; the organiser adds the hosts on purpose.
        await Assertions.Expect(Page.Locator("#audience-CheckedIn")).ToBeCheckedAsync();
        await Assertions.Expect(Page.Locator("#audience-Hosts")).Not.ToBeCheckedAsync();
        await Page.Locator("#audience-Hosts").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check recipients", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("recipient-count")).ToHaveTextAsync("2 recipients");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send 2 emails…", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Send 2 emails now?", Exact = true })).ToBeVisibleAsync();
        await ScreenshotAsync("report-circulate-confirm");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, send 2 emails", Exact = true }).ClickAsync();
        // Queuing renders a marked Word copy per recipient: on a loaded machine that takes more than the default 5 s.
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 emails queued", new() { Timeout = 30_000 });

        var toAda = await Smtp.WaitForMessageToAsync("ada@think.example", MailWait);
        await Smtp.WaitForMessageToAsync("hana@ep.example", MailWait);
        var reference = await App.WithDbAsync(db => db.CirculationRecipients.Where(r => r.Email == "ada@think.example").Select(r => r.Reference).SingleAsync());
        Assert.Contains($"Prepared for Ada Novak, ref {reference}; not for onward distribution.", toAda.TextBody);
        Assert.Equal(ReportStatus.Circulated, await App.WithDbAsync(db => db.Reports.Where(r => r.EventId == eventId).Select(r => r.Status).SingleAsync()));

        // The delivery status per recipient, once the dispatcher has marked them sent.
        for (var i = 0; i < 20 && await App.WithDbAsync(db => db.OutboundEmails.CountAsync(m => m.Status != OutboundEmailStatus.Sent)) > 0; i++)
        {
            await Task.Delay(500);
        }

        await OpenAsync($"/events/{eventId}/report/circulate");
        await Assertions.Expect(Page.GetByTestId("delivery-counts")).ToContainTextAsync("2 sent · 0 waiting · 0 failed");
        await Assertions.Expect(Page.GetByText(reference, new() { Exact = true })).ToBeVisibleAsync();
        await ScreenshotAsync("report-circulated");
        await Page.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync("report-circulated-phone");
        await OpenAsync($"/events/{eventId}/report/review");
        await ScreenshotAsync("report-review-phone");
        await Page.GotoAsync($"/events/{eventId}/report/print");
        await Page.SetViewportSizeAsync(1280, 900);
        await Assertions.Expect(Page.GetByText("Team copy — approved — not for onward distribution.")).ToBeVisibleAsync();
        await ScreenshotAsync("report-print");
    }
}
