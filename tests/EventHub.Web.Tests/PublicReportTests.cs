using System.Net;
using EventHub.Core.Data;
using EventHub.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EventHub.Web.Tests;

public sealed class PublicReportTests
{
    [Fact]
    public async Task A_published_report_shows_its_text_without_participants_and_anything_else_is_not_found()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var eventId = Guid.NewGuid();
        await app.WithDbAsync(async db =>
        {
            var kas = await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS");
            var now = DateTime.UtcNow;
            db.Events.Add(new Event
            {
                Id = eventId,
                Title = "Security Engagement in Central Asia",
                TimeZoneId = "Europe/Brussels",
                City = "Brussels",
                Venue = "Room ASP 5G2",
                StartsAtUtc = new DateTime(2022, 6, 29, 8, 0, 0, DateTimeKind.Utc),
                EndsAtUtc = new DateTime(2022, 6, 29, 11, 0, 0, DateTimeKind.Utc),
                OrganisationId = kas.Id,
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
                ConcurrencyStamp = Guid.NewGuid(),
            });
            db.Registrations.Add(new Registration
            {
                Id = Guid.NewGuid(),
                EventId = eventId,
                Status = RegistrationStatus.Approved,
                Name = "Ada Novak",
                Email = "ada@think.example",
                NormalizedEmail = "ada@think.example",
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
                ConcurrencyStamp = Guid.NewGuid(),
            });
            db.Reports.Add(new Report
            {
                Id = Guid.NewGuid(),
                EventId = eventId,
                Title = "China's and Russia's Security Engagement in Central Asia",
                CurrentVersion = 3,
                Status = ReportStatus.Circulated,
                Markdown = "The discussion covered <script>alert(1)</script>regional security.\n\nA policy paper follows.",
                PublicSlug = "central-asia-k7m2pq",
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
                ConcurrencyStamp = Guid.NewGuid(),
            });

            return await db.SaveChangesAsync();
        });

        var page = await client.GetAsync("/reports/central-asia-k7m2pq");
        var html = await page.Content.ReadAsStringAsync();
        var missing = await client.GetAsync("/reports/central-asia-aaaaaa");
        var word = await client.GetAsync($"/events/{eventId}/report/report.docx");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("regional security", html);
        Assert.Contains("Wednesday, 29 June 2022", html);
        Assert.Contains("Brussels", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("Ada Novak", html);
        Assert.DoesNotContain("Room ASP", html);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.DoesNotContain("Security Engagement", await missing.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.OK, word.StatusCode); // the team's Word file needs a signed-in team member
    }
}
