using EventHub.Core.Features.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EventHub.EndToEnd;

/// <summary>
/// Every staff page, as the demo's organiser sees it (and each other role its home and the pages the organiser may not open), at a 1,366 × 800 laptop and a 390 × 844 phone: the document is never
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

        var pages = (await StaffPage.OfDemoAsync(App)).Select(p => p.Path).ToList();

        // The organiser sees the most of every event page, so they open every page they may. Every other role then opens its
        // own home and each page the organiser could not (the administrator's, for instance), side by side in their own
        // browser contexts; a page that differs by role only in what it leaves out is not measured again.
        var organiser = logins.Single(l => l.Role == "Organiser");
        var organisers = await VisitAsRoleAsync(organiser, pages);
        var left = pages.Where(p => p == "/" || !organisers.Opened.Contains(p)).ToList();
        var results = (await Task.WhenAll(logins.Where(l => l != organiser).Select(login => VisitAsRoleAsync(login, left)))).Append(organisers).ToList();
        var unopened = pages.Where(p => !results.Any(r => r.Opened.Contains(p))).ToList();
        Assert.True(unopened.Count == 0, "Pages no role could open: " + string.Join(", ", unopened));
        var visited = results.Sum(r => r.Visited);
        var problems = results.SelectMany(r => r.Problems).ToList();

        Assert.True(visited > 50, $"Only {visited} page visits: the route table or the logins were not found.");
        Assert.True(problems.Count == 0, "Pages wider than the window:\n" + string.Join("\n", problems));
    }

    private async Task<(int Visited, List<string> Problems, HashSet<string> Opened)> VisitAsRoleAsync(DemoLogin login, IReadOnlyList<string> pages)
    {
        var problems = new List<string>();
        var opened = new HashSet<string>(StringComparer.Ordinal);
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
                || await page.Locator("[data-access-denied]").CountAsync() > 0)
            {
                continue; // not this role's page
            }

            opened.Add(path);

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

        return (visited, problems, opened);
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

        var target = Path.Combine(EventHub.TestSupport.RepositoryPaths.Root, "docs", "screenshots");
        Directory.CreateDirectory(target);
        await page.ScreenshotAsync(new() { Path = Path.Combine(target, name + ".png") });
    }
}
