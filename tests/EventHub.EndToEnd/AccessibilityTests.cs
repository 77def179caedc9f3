using EventHub.TestSupport;
using System.Text.Json;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EventHub.EndToEnd;

/// <summary>
/// axe-core (from the npm registry; test.sh runs `npm ci` in tests/EventHub.EndToEnd/axe) on the main pages of every role,
/// over the demo data: a serious or critical WCAG 2.1 A/AA violation fails the test, naming the page, rule and elements.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, DemoAppFixture demo) : BrowserTest(browser, demo), IClassFixture<DemoAppFixture>
{
    private static readonly string AxeScript = Path.Combine(RepositoryPaths.Root, "tests", "EventHub.EndToEnd", "axe", "node_modules", "axe-core", "axe.min.js");

    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(AxeScript));

    public static TheoryData<string> Roles() => ["anonymous", "attendee", "organiser", "vetter", "door", "rapporteur", "host", "admin"];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task The_main_pages_of_each_role_have_no_serious_or_critical_accessibility_violations(string role)
    {
        Assert.True(File.Exists(AxeScript), $"axe-core is missing at {AxeScript}: run `npm ci --prefix tests/EventHub.EndToEnd/axe` (test.sh does).");
        var logins = DemoLogins;
        var eventId = await App.WithDbAsync(db => db.Events.Select(e => e.Id).SingleAsync());
        var pages = await PagesForAsync(role, eventId);
        if (logins.SingleOrDefault(l => l.Email.StartsWith(role + "@", StringComparison.Ordinal)) is { } login)
        {
            await LogInAsync(login.Email, login.Password);
        }

        var problems = new List<string>();
        foreach (var path in pages)
        {
            await Page.GotoAsync(path);
            await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            foreach (var violation in await RunAxeAsync())
            {
                problems.Add($"{path}: {violation}");
            }
        }

        Assert.True(problems.Count == 0, $"Serious or critical accessibility violations for {role}:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task The_check_reports_a_page_that_breaks_the_rules()
    {
        await Page.SetContentAsync("<html lang='en'><head><title>Broken</title></head><body><main><img src='pass.png'><input type='text'></main></body></html>");

        var violations = await RunAxeAsync();

        Assert.Contains(violations, v => v.Contains("image-alt", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains(" label:", StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<string>> PagesForAsync(string role, Guid eventId)
    {
        var e = $"/events/{eventId}";
        switch (role)
        {
            case "anonymous":
                return ["/", "/Account/Login", "/Account/Register", "/Account/ForgotPassword"];
            case "attendee":
                // The demo queues invitations and other emails; the outbox sends them in no fixed order.
                var until = DateTime.UtcNow + MailWait;
                MimeKit.MimeMessage? invitation;
                while ((invitation = Smtp.Messages.FirstOrDefault(m => (m.TextBody ?? "").Contains("/i/", StringComparison.Ordinal))) is null)
                {
                    Assert.True(DateTime.UtcNow < until, "No invitation email arrived from the demo.");
                    await Task.Delay(200);
                }

                return [new Uri(LinkIn(invitation, "/i/")).PathAndQuery];
            case "organiser":
                return ["/events", e, $"{e}/edit", $"{e}/agenda", $"{e}/team", $"{e}/invitations", $"{e}/invite", $"{e}/reminders", $"{e}/registration-form", $"{e}/vetting",
                    $"{e}/participants", $"{e}/access-list", $"{e}/documents", $"{e}/door", $"{e}/report", $"{e}/report/consents", $"{e}/report/versions", $"{e}/report/review",
                    $"{e}/report/circulate", $"{e}/retention", "/directory", "/directory/new", "/directory/import",
                    $"{e}/copy", $"{e}/message", $"{e}/exports", $"{e}/activity"];
            case "vetter":
                return ["/events", e, $"{e}/vetting"];
            case "door":
                return ["/events", $"{e}/door"];
            case "rapporteur":
                return ["/events", e, $"{e}/report", $"{e}/report/notes"];
            case "host":
                return ["/events", e, $"{e}/report/review"];
            case "admin":
                return ["/events", "/admin/organisations", "/admin/staff", "/outbox", "/admin/audit", "/admin/people", "/Account/Manage"];
            default:
                throw new ArgumentOutOfRangeException(nameof(role), role, null);
        }
    }

    private async Task<IReadOnlyList<string>> RunAxeAsync()
    {
        // Evaluated through the DevTools protocol, not as a <script> tag: the page's Content-Security-Policy stays in force.
        await Page.EvaluateAsync(AxeSource.Value + "\n;0");
        var result = await Page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return r.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} [${v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(' | ')}]`);
            }
            """);
        return result.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

}
