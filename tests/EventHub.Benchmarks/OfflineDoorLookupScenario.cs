using System.Diagnostics;
using EventHub.Core.Data;
using EventHub.Core.Features.Door;
using EventHub.Core.Common;
using EventHub.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EventHub.Benchmarks;

/// <summary>
/// The offline door's answer time on the device: the real app and headless Chromium at phone size, an event with 5,000
/// approved registrations, the door list downloaded once, then the network cut and a mix of scans typed into the door
/// (fresh passes: admitted; the same passes again: already in; random codes: not on the list). The app itself marks each
/// answer (performance.measure "door-answer": from the submitted code to the answer on screen, including the SHA-256, the
/// lookup and the encrypted write of the queued check-in to IndexedDB); p50/p99 are printed per answer and overall.
///   dotnet run --project tests/EventHub.Benchmarks -- door-device [--count 5000] [--scans 1000]
/// </summary>
public static class OfflineDoorLookupScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = Option(args, "--count", 5_000);
        var scans = Option(args, "--scans", 1_000);
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_EVENTHUB_WEB", RepositoryPaths.WebProject);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database, realServer: true, settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" }).UseRealServer();
        var kas = await app.WithDbAsync(db => TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS"));
        var clara = TestUsers.Principal(await app.CreateUserAsync("clara@kas.example", "correct horse battery staple", kas.Id, organisationRoles: [OrganisationRole.CreatesEvents]));
        var seeding = Stopwatch.StartNew();
        var scenario = await DoorScenario.CreateAsync(app.Services, clara, DoorScenario.StartedAnHourAgo(DateTime.UtcNow), DoorScenario.Generated(count));
        Console.WriteLine($"Seeded {count:N0} approved registrations with passes in {seeding.Elapsed.TotalSeconds:N1} s");
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            token = (await scope.ServiceProvider.GetRequiredService<OpenDoorSession>().ExecuteAsync(clara, scenario.EventId, new DoorSessionForm { Label = "Benchmark phone" })).Value!.Token;
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath.Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 } });
        context.SetDefaultTimeout(120_000);
        var page = await context.NewPageAsync();
        var loading = Stopwatch.StartNew();
        await page.GotoAsync("/door-app/index.html#session=" + token);
        await page.Locator("body[data-door-ready=true]").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("door-count")).ToHaveTextAsync($"0 checked in of {count} approved");
        Console.WriteLine($"Door list of {count:N0} downloaded, encrypted and indexed on the device in {loading.Elapsed.TotalMilliseconds:N0} ms (page load included)");
        await context.SetOfflineAsync(true);

        var fresh = scenario.Attendees.Take(scans * 6 / 10).Select(a => (a.Token, "admitted")).ToList();
        var again = fresh.Take(scans * 2 / 10).Select(a => (a.Token, "already")).ToList();
        var unknown = Enumerable.Range(0, scans - fresh.Count - again.Count).Select(_ => (PersonalToken.Create().Token, "refused")).ToList();
        var plan = fresh.Concat(unknown).Concat(again).ToList();
        var durations = await page.EvaluateAsync<double[]>(@"async codes => {
            const input = document.getElementById('scan'), form = document.getElementById('scan-form'), result = document.getElementById('result');
            performance.clearMeasures('door-answer');
            for (const code of codes) {
                const before = Number(result.dataset.answers || 0);
                input.value = code;
                form.requestSubmit();
                while (Number(result.dataset.answers || 0) === before) await new Promise(r => setTimeout(r, 0));
            }
            return performance.getEntriesByName('door-answer').map(e => e.duration);
        }", plan.Select(p => p.Item1).ToArray());
        await Assertions.Expect(page.GetByTestId("door-count")).ToHaveTextAsync($"{fresh.Count} checked in of {count} approved");

        Console.WriteLine($"// Offline door, {count:N0} approved, {durations.Length:N0} scans offline (device-side answer time):");
        foreach (var kind in new[] { "admitted", "already", "refused" })
        {
            Print(kind, plan.Select((p, i) => (p.Item2, durations[i])).Where(x => x.Item1 == kind).Select(x => x.Item2).ToArray());
        }

        Print("all", durations);
        return 0;
    }

    private static void Print(string label, double[] values)
    {
        var sorted = values.Order().ToArray();
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        Console.WriteLine($"//   {label,-9} n={sorted.Length,5}  p50 {P(0.50):N2} ms  p99 {P(0.99):N2} ms  max {sorted[^1]:N2} ms");
    }

    private static int Option(string[] args, string name, int fallback)
        => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).FirstOrDefault(fallback);
}
