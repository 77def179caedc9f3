using EventHub.Core.Data;
using EventHub.TestSupport;
using Microsoft.Playwright;

namespace EventHub.EndToEnd;

/// <summary>
/// In a real Chromium: the Content-Security-Policy lets Blazor's circuit connect and interactive pages work, with no
/// violation reported; an organiser who must use two-factor authentication is sent to set it up and gets in after.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityTests(BrowserFixture browser) : BrowserTest(browser)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Security:RequireTwoFactorForStaff"] = "true" };

    [Fact]
    public async Task An_organiser_is_made_to_set_up_an_authenticator_then_works_under_the_csp_without_violations()
    {
        // Chromium reports every refused script, style, connection or frame on the console, naming the policy.
        var problems = new List<string>();
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{message.Type}: {message.Text}");
            }
        };

        var organiser = await App.CreateUserAsync("organiser@example.org", Password);
        var eventId = await App.WithDbAsync(async db =>
        {
            var org = await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS");
            var e = new Event
            {
                Id = Guid.NewGuid(), Title = "Round table on Central Asia", TimeZoneId = "Europe/Brussels", OrganisationId = org.Id, City = "Brussels",
                Capacity = 30, StartsAtUtc = DateTime.UtcNow.AddDays(14), EndsAtUtc = DateTime.UtcNow.AddDays(14).AddHours(3),
                Status = EventStatus.Open, ConcurrencyStamp = Guid.NewGuid(),
            };
            db.Events.Add(e);
            db.EventTeamMembers.Add(new EventTeamMember { Id = Guid.NewGuid(), EventId = e.Id, UserId = organiser.Id, Role = EventRole.Organiser });
            await db.SaveChangesAsync();
            return e.Id;
        });

        await LogInAsync("organiser@example.org");
        await Page.GotoAsync("/events");
        Assert.EndsWith("/Account/Manage/EnableAuthenticator", Page.Url);
        await Page.GotoAsync($"/events/{eventId}/vetting");
        Assert.EndsWith("/Account/Manage/EnableAuthenticator", Page.Url);
        await ScreenshotAsync("security-enable-authenticator");

        var key = await Page.Locator("kbd").InnerTextAsync();
        await Page.Locator("input[name='Input.Code']").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Verify", Exact = true }).ClickAsync();
        await Page.GetByText("Put these codes in a safe place.").WaitForAsync();

        // Now the staff pages open, interactively, under the policy.
        await OpenAsync("/events");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Round table on Central Asia" }).First.WaitForAsync();
        await OpenAsync($"/events/{eventId}/agenda");
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Agenda" }).First.WaitForAsync();
        await ScreenshotAsync("security-events-after-2fa");
        // The navigation at phone width opens and closes without inline script.
        await Page.SetViewportSizeAsync(390, 844);
        await Page.Locator(".navbar-toggler").ClickAsync();
        await Page.Locator(".nav-scrollable a").First.ClickAsync();
        await ScreenshotAsync("security-phone-after-nav");
        await Page.SetViewportSizeAsync(1280, 900);
        var csp = (await Page.GotoAsync("/events"))!.Headers["content-security-policy"];
        Assert.Contains("script-src 'self' 'nonce-", csp);
        await Page.Locator("[data-circuit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        Assert.True(problems.Count == 0, "Browser console: " + string.Join("\n", problems));
    }
}
