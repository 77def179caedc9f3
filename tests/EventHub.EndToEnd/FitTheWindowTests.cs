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
        var problems = new List<string>();
        var visited = 0;
        foreach (var login in logins)
        {
            await Context.ClearCookiesAsync();
            await Page.SetViewportSizeAsync(1366, 800);
            await LogInAsync(login.Email, login.Password);
            foreach (var path in pages)
            {
                await Page.SetViewportSizeAsync(Sizes[0].Width, Sizes[0].Height);
                var response = await Page.GotoAsync(path);
                await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                if (response is null || !response.Ok || Page.Url.Contains("/Account/", StringComparison.Ordinal) && !path.StartsWith("/Account/", StringComparison.Ordinal)
                    || await Page.GetByText("you do not have access to it").CountAsync() > 0)
                {
                    continue; // not this role's page
                }

                // One visit, both sizes: the page is resized in place, as a window would be, and measured after the reflow.
                foreach (var (width, height) in Sizes)
                {
                    await Page.SetViewportSizeAsync(width, height);
                    visited++;
                    var widths = await Page.EvaluateAsync<int[]>("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done([document.documentElement.scrollWidth, window.innerWidth]))))");
                    if (widths[0] > widths[1])
                    {
                        problems.Add($"{path} as {login.Role} at {width}×{height}: the document is {widths[0]} px wide in a {widths[1]} px window");
                    }

                    if (login.Role == "Organiser" && width == Sizes[0].Width && ScreenshotName(path) is { } name)
                    {
                        await SaveScreenshotAsync(name);
                    }
                }
            }
        }

        Assert.True(visited > 50, $"Only {visited} page visits: the route table or the logins were not found.");
        Assert.True(problems.Count == 0, "Pages wider than the window:\n" + string.Join("\n", problems));
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

    /// <summary>Into docs/screenshots of the repository, where the README shows them.</summary>
    private async Task SaveScreenshotAsync(string name)
    {
        var directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "EventHub.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        if (directory is not null)
        {
            var target = Path.Combine(directory, "docs", "screenshots");
            Directory.CreateDirectory(target);
            await Page.ScreenshotAsync(new() { Path = Path.Combine(target, name + ".png") });
        }
    }
}
