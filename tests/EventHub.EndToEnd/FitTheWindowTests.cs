using EventHub.Core.Data;
using EventHub.Core.Features.Demo;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EventHub.EndToEnd;

/// <summary>
/// Every staff page, as every role of the demo sees it, at a 1,366 × 800 laptop and a 390 × 844 phone: the document is never
/// wider than the window. The pages come from the app's own route table (as in the route-authorization test), so a new page
/// is covered without a line here; a page a role may not open is skipped for that role. Also saves the screenshots of the
/// home and vetting pages shown in the README (docs/screenshots).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FitTheWindowTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly (int Width, int Height)[] Sizes = [(1366, 800), (390, 844)];

    [Fact]
    public async Task Every_staff_page_of_every_role_fits_a_laptop_and_a_phone_without_sideways_scrolling()
    {
        IReadOnlyList<DemoLogin> logins;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            logins = (await scope.ServiceProvider.GetRequiredService<SeedDemo>().ExecuteAsync())!;
        }

        var pages = await StaffPagesAsync();

        // The roles side by side, each in its own browser context (its own cookies) against the same app: the pages are
        // independent reads, and waiting on one role's page while another's renders keeps the run short.
        var results = await Task.WhenAll(logins.Select(login => VisitAsRoleAsync(login, pages)));
        var visited = results.Sum(r => r.Visited);
        var problems = results.SelectMany(r => r.Problems).ToList();

        Assert.True(visited > 50, $"Only {visited} page visits: the route table or the logins were not found.");
        Assert.True(problems.Count == 0, "Pages wider than the window:\n" + string.Join("\n", problems));
    }

    private async Task<(int Visited, List<string> Problems)> VisitAsRoleAsync(DemoLogin login, IReadOnlyList<string> pages)
    {
        var problems = new List<string>();
        var visited = 0;
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseUrl, ViewportSize = new() { Width = Sizes[0].Width, Height = Sizes[0].Height } });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("input[name='Input.Email']").FillAsync(login.Email);
        await page.Locator("input[name='Input.Password']").FillAsync(login.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        foreach (var path in pages)
        {
            await page.SetViewportSizeAsync(Sizes[0].Width, Sizes[0].Height);
            var response = await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            if (response is null || !response.Ok || page.Url.Contains("/Account/", StringComparison.Ordinal) && !path.StartsWith("/Account/", StringComparison.Ordinal)
                || await page.GetByText("you do not have access to it").CountAsync() > 0)
            {
                continue; // not this role's page
            }

            // One visit, both sizes: the page is resized in place, as a window would be, and measured after the reflow.
            foreach (var (width, height) in Sizes)
            {
                await page.SetViewportSizeAsync(width, height);
                visited++;
                var widths = await page.EvaluateAsync<int[]>("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done([document.documentElement.scrollWidth, window.innerWidth]))))");
                if (widths[0] > widths[1])
                {
                    problems.Add($"{path} as {login.Role} at {width}×{height}: the document is {widths[0]} px wide in a {widths[1]} px window");
                }

                if (login.Role == "Organiser" && width == Sizes[0].Width && ScreenshotName(path) is { } name)
                {
                    await SaveScreenshotAsync(page, name);
                }
            }
        }

        return (visited, problems);
    }

    /// <summary>The pages behind a staff login: every routed component except the public ones reached by personal links.</summary>
    private async Task<IReadOnlyList<string>> StaffPagesAsync()
    {
        var eventId = await App.WithDbAsync(db => db.Events.Select(e => e.Id).SingleAsync());
        var registrationId = await App.WithDbAsync(db => db.Registrations.Where(r => r.Status == RegistrationStatus.Pending).OrderBy(r => r.CreatedAtUtc).Select(r => r.Id).FirstAsync());
        var contactId = await App.WithDbAsync(db => db.Contacts.Select(c => c.Id).FirstAsync());
        var emailId = await App.WithDbAsync(db => db.OutboundEmails.Where(m => m.EventId == eventId).Select(m => m.Id).FirstAsync());
        var kasId = await App.WithDbAsync(db => db.Organisations.Where(o => o.Acronym == "KAS").Select(o => o.Id).SingleAsync());
        var routes = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct().Order(StringComparer.Ordinal);
        var pages = new List<string>();
        foreach (var route in routes)
        {
            if (route.Contains("{Token}", StringComparison.Ordinal) || route.Contains("{Slug}", StringComparison.Ordinal) || route.StartsWith("/request/", StringComparison.Ordinal)
                || route is "/not-found" or "/Error" || route.StartsWith("/Account/", StringComparison.Ordinal) && route != "/Account/Manage")
            {
                continue;
            }

            var path = route.Replace("{EventId:guid}", eventId.ToString()).Replace("{RegistrationId:guid}", registrationId.ToString());
            path = path.StartsWith("/directory/{Id:guid}", StringComparison.Ordinal) ? path.Replace("{Id:guid}", contactId.ToString())
                : path.StartsWith("/outbox/{Id:guid}", StringComparison.Ordinal) ? path.Replace("{Id:guid}", emailId.ToString()) : path;
            if (path.Contains('{'))
            {
                continue; // a page whose address needs something the demo does not have
            }

            pages.Add(path is "/directory/new" or "/directory/import" ? $"{path}?organisation={kasId}" : path);
        }

        return pages;
    }

    private static string? ScreenshotName(string path) => path switch
    {
        "/" => "home",
        _ when path.EndsWith("/vetting", StringComparison.Ordinal) => "vetting-queue",
        _ when path.Contains("/registrations/", StringComparison.Ordinal) => "registration-decide",
        _ => null,
    };

    /// <summary>
    /// Into docs/screenshots of the repository, where the README shows them, when EVENTHUB_UPDATE_DOCS_SCREENSHOTS is set
    /// (a plain test run leaves the working tree as it was).
    /// </summary>
    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("EVENTHUB_UPDATE_DOCS_SCREENSHOTS") is not { Length: > 0 })
        {
            return;
        }

        var directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "EventHub.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        if (directory is not null)
        {
            var target = Path.Combine(directory, "docs", "screenshots");
            Directory.CreateDirectory(target);
            await page.ScreenshotAsync(new() { Path = Path.Combine(target, name + ".png") });
        }
    }
}
