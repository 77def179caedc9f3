using System.Diagnostics;
using EventHub.Core.Data;
using EventHub.TestSupport;
using Microsoft.Playwright;

namespace EventHub.Benchmarks;

/// <summary>
/// Memory per Blazor circuit: the real app (in this process, on a SQLite file) and headless Chromium; opens N pages of one
/// kind, each with its own connected circuit, then measures the server's managed heap (after a full blocking GC) and working
/// set against the moment before. The baseline is the same measurement on the events list, the smallest staff page.
///   dotnet run -c Release --project tests/EventHub.Benchmarks -- circuits [--count 200]
/// </summary>
public static class CircuitMemoryScenario
{
    private const string Password = "correct horse battery staple";

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.SkipWhile(a => a != "--count").Skip(1).Select(int.Parse).FirstOrDefault(200);
        // WebApplicationFactory finds the web project's content root by itself only under a test host; say where it is.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_EVENTHUB_WEB", RepositoryPaths.WebProject);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database, realServer: true, settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" }).UseRealServer();
        var (eventId, email) = await SeedAsync(app);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath.Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--renderer-process-limit=8"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        context.SetDefaultTimeout(60_000);
        var login = await context.NewPageAsync();
        await login.GotoAsync("/Account/Login");
        await login.Locator("input[name='Input.Email']").FillAsync(email);
        await login.Locator("input[name='Input.Password']").FillAsync(Password);
        await login.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await login.WaitForURLAsync(url => !url.Contains("/Account/Login"));
        await login.CloseAsync();

        var results = new List<(string Page, double ManagedKb, double WorkingSetKb)>();
        foreach (var (name, path) in new[]
                 {
                     ("Events list (baseline)", "/events"),
                     ("Vetting queue, 2,000 registrations", $"/events/{eventId}/vetting"),
                     ("Report editor (the template draft)", $"/events/{eventId}/report"),
                 })
        {
            results.Add(await MeasureAsync(context, name, path, count));
        }

        var baseline = results[0];
        Console.WriteLine();
        Console.WriteLine($"Memory per circuit, {count} circuits per page (managed heap after a full GC; working set):");
        foreach (var r in results)
        {
            Console.WriteLine($"  {r.Page,-40} {r.ManagedKb,8:N0} KB managed  {r.WorkingSetKb,8:N0} KB working set  ratio to baseline (managed) {r.ManagedKb / baseline.ManagedKb:N2}");
        }

        return 0;
    }

    private static async Task<(string, double, double)> MeasureAsync(IBrowserContext context, string name, string path, int count)
    {
        // Warm up: the first pages of a kind JIT-compile and fill caches that later circuits share.
        foreach (var warm in await OpenAsync(context, path, 4))
        {
            await warm.CloseAsync();
        }

        var (managedBefore, workingBefore) = Snapshot();
        var clock = Stopwatch.StartNew();
        var pages = await OpenAsync(context, path, count);

        var (managedAfter, workingAfter) = Snapshot();
        Console.WriteLine($"{name}: {count} circuits open in {clock.Elapsed.TotalSeconds:N0} s; managed heap {managedBefore / 1048576.0:N1} -> {managedAfter / 1048576.0:N1} MB, working set {workingBefore / 1048576.0:N1} -> {workingAfter / 1048576.0:N1} MB");
        foreach (var page in pages)
        {
            await page.CloseAsync();
        }

        return (name, (managedAfter - managedBefore) / 1024.0 / count, (workingAfter - workingBefore) / 1024.0 / count);
    }

    /// <summary>Opens <paramref name="count"/> pages, four at a time, each waiting until its circuit is connected.</summary>
    private static async Task<List<IPage>> OpenAsync(IBrowserContext context, string path, int count)
    {
        var pages = new List<IPage>();
        for (var i = 0; i < count; i += 4)
        {
            pages.AddRange(await Task.WhenAll(Enumerable.Range(0, Math.Min(4, count - i)).Select(async _ =>
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync(path);
                await page.Locator("[data-circuit-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
                return page;
            })));
        }

        return pages;
    }


    private static (long Managed, long WorkingSet) Snapshot()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }

    private static async Task<(Guid EventId, string Email)> SeedAsync(EventHubAppFactory app)
    {
        const string email = "clara@kas.example";
        var kas = await app.WithDbAsync(db => TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS"));
        var clara = await app.CreateUserAsync(email, Password, kas.Id, organisationRoles: [OrganisationRole.CreatesEvents, OrganisationRole.KeepsDirectory]);
        var now = DateTime.UtcNow;
        var eventId = Guid.NewGuid();
        await app.WithDbAsync(async db =>
        {
            db.Events.Add(new Event
            {
                Id = eventId,
                Title = "Security Engagement in Central Asia",
                StartsAtUtc = now.AddDays(20),
                EndsAtUtc = now.AddDays(20).AddHours(3),
                TimeZoneId = "Europe/Brussels",
                City = "Brussels",
                Venue = "Room ASP 5G2",
                Capacity = 1_500,
                OrganisationId = kas.Id,
                Status = EventStatus.Open,
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
                ConcurrencyStamp = Guid.NewGuid(),
            });
            db.EventTeamMembers.Add(new EventTeamMember { Id = Guid.NewGuid(), EventId = eventId, UserId = clara.Id, Role = EventRole.Organiser, AddedAtUtc = now });
            BenchmarkData.AddRegistrations(db, eventId, 2_000, now);
            return await db.SaveChangesAsync();
        });
        return (eventId, email);
    }
}
