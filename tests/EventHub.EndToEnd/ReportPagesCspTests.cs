using EventHub.Core.Data;
using EventHub.TestSupport;
using Microsoft.Playwright;

namespace EventHub.EndToEnd;

/// <summary>
/// In a real Chromium under the app's Content-Security-Policy: the report's print page prints with its button and shows the
/// team-copy marking in its style, and the review page styles the report, with no violation reported on either.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportPagesCspTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task The_print_button_prints_and_the_marking_and_report_styles_apply_without_a_csp_violation()
    {
        var violations = new List<string>();
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        // Counts window.print() instead of opening the dialog, and records every securitypolicyviolation event.
        await Page.AddInitScriptAsync("""
            window.__violations = [];
            document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
            window.__printed = 0;
            window.print = () => { window.__printed++; };
            """);

        var organiser = await App.CreateUserAsync("clara@kas.example", Password);
        var eventId = await App.WithDbAsync(async db =>
        {
            var org = await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS");
            var now = DateTime.UtcNow;
            var e = new Event
            {
                Id = Guid.NewGuid(), Title = "Round table on Central Asia", TimeZoneId = "Europe/Brussels", OrganisationId = org.Id, City = "Brussels",
                Capacity = 30, StartsAtUtc = now.AddDays(-2), EndsAtUtc = now.AddDays(-2).AddHours(3), Status = EventStatus.Open, ConcurrencyStamp = Guid.NewGuid(),
            };
            db.Events.Add(e);
            db.EventTeamMembers.Add(new EventTeamMember { Id = Guid.NewGuid(), EventId = e.Id, UserId = organiser.Id, Role = EventRole.Organiser });
            db.Reports.Add(new Report
            {
                Id = Guid.NewGuid(), EventId = e.Id, Title = "Summary of the round table", CurrentVersion = 1, Status = ReportStatus.Approved,
                Markdown = "# Main points\n\nParticipants agreed that water sharing needs a regional forum.", CreatedAtUtc = now, UpdatedAtUtc = now, ConcurrencyStamp = Guid.NewGuid(),
            });
            await db.SaveChangesAsync();
            return e.Id;
        });
        await LogInAsync("clara@kas.example");

        await Page.GotoAsync($"/events/{eventId}/report/print");
        var marking = Page.Locator(".print-marking");
        await Assertions.Expect(marking).ToContainTextAsync("Team copy — approved — not for onward distribution.");
        // The marking's style comes from the print style sheet: a red border that an inline <style> block could not give.
        Assert.Equal("solid", await marking.EvaluateAsync<string>("m => getComputedStyle(m).borderTopStyle"));
        Assert.Equal("rgb(180, 35, 24)", await marking.EvaluateAsync<string>("m => getComputedStyle(m).color"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Print", Exact = true }).ClickAsync();
        Assert.Equal(1, await Page.EvaluateAsync<int>("() => window.__printed"));
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.Equal("none", await Page.Locator("p.no-print").EvaluateAsync<string>("p => getComputedStyle(p).display"));
        await Page.EmulateMediaAsync(new() { Media = Media.Screen });
        var printViolations = await Page.EvaluateAsync<string[]>("() => window.__violations");

        await OpenAsync($"/events/{eventId}/report/review");
        var heading = Page.Locator(".report-text h1").First;
        await Assertions.Expect(heading).ToHaveTextAsync("Main points");
        Assert.Equal("22.4px", await heading.EvaluateAsync<string>("h => getComputedStyle(h).fontSize")); // 1.4rem
        var reviewViolations = await Page.EvaluateAsync<string[]>("() => window.__violations");

        Assert.Empty(printViolations);
        Assert.Empty(reviewViolations);
        Assert.Empty(violations);
    }
}
