using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Door;
using EventHub.Core.Features.Passes;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EventHub.EndToEnd;

/// <summary>The offline door on a phone: a list on the device, scans without a network, and the sync when it comes back.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OfflineDoorTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly TimeSpan Sync = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_phone_opened_online_scans_fifty_passes_offline_and_syncs_them_all_exactly_once_when_the_network_returns()
    {
        var kas = await App.WithDbAsync(db => TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS"));
        var clara = TestUsers.Principal(await App.CreateUserAsync("clara@kas.example", Password, kas.Id, organisationRoles: [OrganisationRole.CreatesEvents]));
        var scenario = await DoorScenario.CreateAsync(App.Services, clara, DoorScenario.StartedAnHourAgo(DateTime.UtcNow), DoorScenario.Generated(45));
        var people = scenario.Attendees;
        var revoked = people.Skip(40).Take(5).ToList();
        foreach (var r in revoked)
        {
            await using var scope = App.Services.CreateAsyncScope();
            Assert.True((await scope.ServiceProvider.GetRequiredService<RevokeAccessPass>().ExecuteAsync(clara, scenario.EventId, r.RegistrationId, new RevokePassForm { Reason = "Reported lost" })).Succeeded);
        }

        await using (var scope = App.Services.CreateAsyncScope())
        {
            // Already in before the door went offline (the Blazor door screen at another entrance).
            Assert.Equal(DoorVerdict.Admitted, (await scope.ServiceProvider.GetRequiredService<CheckInPass>().ExecuteAsync(clara, scenario.EventId, people[39].Token, "Main entrance")).Value!.Verdict);
        }

        // The organiser opens a door session on the door sessions page and opens its link on the phone.
        await Page.SetViewportSizeAsync(390, 844);
        await LogInAsync("clara@kas.example");
        await OpenAsync($"/events/{scenario.EventId}/door/sessions");
        await Page.GetByLabel("Door device", new() { Exact = true }).FillAsync("Main door");
        await Page.GetByLabel("Held by (optional)", new() { Exact = true }).FillAsync("Clara");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Open the session", Exact = true }).ClickAsync();
        var link = new Uri(await Page.GetByTestId("door-session-link").GetAttributeAsync("href") ?? "");
        await Assertions.Expect(Page.GetByTestId("door-sessions")).ToContainTextAsync("Main door · Clara");
        await Page.GotoAsync(link.PathAndQuery + link.Fragment);
        await Page.Locator("body[data-door-ready=true]").WaitForAsync();
        await Page.EvaluateAsync("() => navigator.serviceWorker.ready");
        await Assertions.Expect(Page.GetByTestId("door-count")).ToHaveTextAsync("1 checked in of 45 approved");
        await Assertions.Expect(Page.GetByTestId("door-freshness")).ToContainTextAsync("list updated");
        Assert.DoesNotContain("session=", Page.Url); // the token left the address bar
        await ScreenshotAsync("offline-door-online");

        await Context.SetOfflineAsync(true);
        // Reopened without a network: the app comes from the service worker, the list from the device (decrypted).
        await Page.ReloadAsync();
        await Page.Locator("body[data-door-ready=true]").WaitForAsync();
        await Assertions.Expect(Page.GetByTestId("door-network")).ToHaveTextAsync("Offline");
        await Assertions.Expect(Page.GetByTestId("door-count")).ToHaveTextAsync("1 checked in of 45 approved");

        // 50 scans: 30 admitted, 7 of them again and one already in from before (already in), 7 unknown, 5 revoked.
        var plan = new List<(string Code, string Verdict)>();
        plan.AddRange(people.Take(30).Select(p => (p.Token, "ADMITTED")));
        plan.AddRange(people.Take(7).Select(p => (p.Token, "ALREADY IN")));
        plan.Add((people[39].Token, "ALREADY IN"));
        plan.AddRange(Enumerable.Range(0, 6).Select(_ => (PersonalToken.Create().Token, "NOT ON THE LIST")));
        plan.Add(("not a pass at all", "NOT ON THE LIST"));
        plan.AddRange(revoked.Select(p => (p.Token, "NOT ON THE LIST")));
        Assert.Equal(50, plan.Count);
        var scan = Page.GetByLabel("Scan or type the pass code", new() { Exact = true });
        var result = Page.GetByTestId("door-result");
        for (var i = 0; i < plan.Count; i++)
        {
            await scan.FillAsync(plan[i].Code);
            await scan.PressAsync("Enter");
            await Page.Locator($"[data-testid=door-result][data-answers='{i + 1}']").WaitForAsync();
            await Assertions.Expect(result).ToContainTextAsync(plan[i].Verdict);
        }

        await Assertions.Expect(result).Not.ToContainTextAsync(revoked[^1].Name); // nothing shown for a pass not on the list
        await Assertions.Expect(Page.GetByTestId("door-count")).ToHaveTextAsync("31 checked in of 45 approved");
        await Assertions.Expect(Page.GetByTestId("door-pending")).ToHaveTextAsync("30 waiting to be sent");
        await ScreenshotAsync("offline-door-offline");
        await using (var db = await Database.Factory.CreateDbContextAsync())
        {
            Assert.Equal(1, await db.CheckIns.CountAsync());
        }

        await Context.SetOfflineAsync(false);
        await Assertions.Expect(Page.GetByTestId("door-pending")).ToHaveTextAsync("0 waiting to be sent", new() { Timeout = (float)Sync.TotalMilliseconds });
        await Assertions.Expect(Page.GetByTestId("door-network")).ToHaveTextAsync("Online");
        await using (var db = await Database.Factory.CreateDbContextAsync())
        {
            var rows = await db.CheckIns.AsNoTracking().Where(c => c.EventId == scenario.EventId).ToListAsync();
            Assert.Equal(31, rows.Count);
            Assert.Equal(people.Take(30).Select(p => p.RegistrationId).Append(people[39].RegistrationId).Order(), rows.Select(r => r.RegistrationId!.Value).Order());
            Assert.All(rows.Where(r => r.RegistrationId != people[39].RegistrationId), r => Assert.Equal(("Main door", "Clara", CheckInKind.Pass), (r.Device, r.ByName, r.Kind)));
            Assert.Empty(await db.DoorConflicts.ToListAsync());
        }

        // Signing out erases the list on the device and ends the session.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out of this door (erases the list on this device)" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("door-signed-out")).ToContainTextAsync("the list on this device was erased");
        Assert.False(await Page.EvaluateAsync<bool>("async () => (await indexedDB.databases()).some(d => d.name === 'eventhub-door')"));
        await using (var db = await Database.Factory.CreateDbContextAsync())
        {
            Assert.Equal("signed out on the device", (await db.DoorSessions.SingleAsync()).RevokedBy);
        }
    }

    [Fact]
    public async Task Two_phones_offline_admit_the_same_pass_one_check_in_counts_the_other_is_a_conflict_the_organiser_sees_and_a_revoked_session_erases_its_list()
    {
        var kas = await App.WithDbAsync(db => TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS"));
        var clara = TestUsers.Principal(await App.CreateUserAsync("clara@kas.example", Password, kas.Id, organisationRoles: [OrganisationRole.CreatesEvents]));
        var scenario = await DoorScenario.CreateAsync(App.Services, clara, DoorScenario.StartedAnHourAgo(DateTime.UtcNow),
            [("Ada Novak", "Central Asia Institute"), ("Bob Meyer", "EEAS"), ("Cem Yilmaz", "NATO")]);
        var ada = scenario.Attendees[0];
        OpenedDoorSession main, side;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var open = scope.ServiceProvider.GetRequiredService<OpenDoorSession>();
            main = (await open.ExecuteAsync(clara, scenario.EventId, new DoorSessionForm { Label = "Main door", StaffName = "Clara" })).Value!;
            side = (await open.ExecuteAsync(clara, scenario.EventId, new DoorSessionForm { Label = "Side door", StaffName = "Marc" })).Value!;
        }

        await Page.SetViewportSizeAsync(390, 844);
        await using var otherContext = await Context.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 } });
        var other = await otherContext.NewPageAsync();
        foreach (var (page, token) in new[] { (Page, main.Token), (other, side.Token) })
        {
            await page.GotoAsync("/door-app/index.html#session=" + token);
            await page.Locator("body[data-door-ready=true]").WaitForAsync();
            await Assertions.Expect(page.GetByTestId("door-count")).ToHaveTextAsync("0 checked in of 3 approved");
        }

        await Context.SetOfflineAsync(true);
        await otherContext.SetOfflineAsync(true);
        foreach (var page in new[] { Page, other })
        {
            await Assertions.Expect(page.GetByTestId("door-network")).ToHaveTextAsync("Offline");
            var scan = page.GetByLabel("Scan or type the pass code", new() { Exact = true });
            await scan.FillAsync(ada.Token);
            await scan.PressAsync("Enter");
            await Assertions.Expect(page.GetByTestId("door-result")).ToContainTextAsync("ADMITTED");
            await Assertions.Expect(page.GetByTestId("door-result")).ToContainTextAsync("Ada Novak");
        }

        await Context.SetOfflineAsync(false);
        await Assertions.Expect(Page.GetByTestId("door-pending")).ToHaveTextAsync("0 waiting to be sent", new() { Timeout = (float)Sync.TotalMilliseconds });
        await otherContext.SetOfflineAsync(false);
        await Assertions.Expect(other.GetByTestId("door-pending")).ToHaveTextAsync("0 waiting to be sent", new() { Timeout = (float)Sync.TotalMilliseconds });
        await Assertions.Expect(other.GetByTestId("door-notices")).ToContainTextAsync("Ada Novak was already admitted at Main door");

        await using (var db = await Database.Factory.CreateDbContextAsync())
        {
            var checkIn = Assert.Single(await db.CheckIns.AsNoTracking().ToListAsync());
            Assert.Equal((ada.RegistrationId, "Main door"), (checkIn.RegistrationId!.Value, checkIn.Device));
            var conflict = Assert.Single(await db.DoorConflicts.AsNoTracking().ToListAsync());
            Assert.Equal((DoorConflictKind.SecondAdmission, "Side door", "Marc", checkIn.Id), (conflict.Kind, conflict.Device, conflict.ByName, conflict.CheckInId));
        }

        // The organiser sees the conflict on the door screen and on the event page.
        await LogInAsync("clara@kas.example");
        foreach (var path in new[] { $"/events/{scenario.EventId}/door", $"/events/{scenario.EventId}" })
        {
            await OpenAsync(path);
            await Assertions.Expect(Page.GetByTestId("door-conflicts")).ToContainTextAsync("Ada Novak — also admitted at Side door at");
            await Assertions.Expect(Page.GetByTestId("door-conflicts")).ToContainTextAsync("by Marc; counted: Main door");
        }

        // Revoked by the organiser: the side door's next refresh gets nothing, and the device erases its list.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<RevokeDoorSession>().ExecuteAsync(clara, scenario.EventId, (await App.WithDbAsync(db => db.DoorSessions.SingleAsync(s => s.Label == "Side door"))).Id)).Succeeded);
        }

        await Assertions.Expect(other.GetByTestId("door-signed-out")).ToContainTextAsync("has ended", new() { Timeout = (float)Sync.TotalMilliseconds });
        Assert.False(await other.EvaluateAsync<bool>("async () => (await indexedDB.databases()).some(d => d.name === 'eventhub-door')"));
    }

    [Fact]
    public async Task Fourteen_days_before_the_event_both_doors_warn_and_admit_only_when_the_steward_confirms()
    {
        var kas = await App.WithDbAsync(db => TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS"));
        var clara = TestUsers.Principal(await App.CreateUserAsync("clara@kas.example", Password, kas.Id, organisationRoles: [OrganisationRole.CreatesEvents]));
        var inTwoWeeks = DoorScenario.StartedAnHourAgo(DateTime.UtcNow).Date.AddDays(14).AddHours(10);
        var scenario = await DoorScenario.CreateAsync(App.Services, clara, inTwoWeeks, [("Ada Novak", "Central Asia Institute"), ("Bob Meyer", "EEAS")]);
        var (ada, bob) = (scenario.Attendees[0], scenario.Attendees[1]);
        OpenedDoorSession session;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            session = (await scope.ServiceProvider.GetRequiredService<OpenDoorSession>().ExecuteAsync(clara, scenario.EventId, new DoorSessionForm { Label = "Main door" })).Value!;
        }

        await Page.SetViewportSizeAsync(390, 844);
        await LogInAsync("clara@kas.example");
        await OpenAsync($"/events/{scenario.EventId}/door");
        await Page.Locator("[data-door-ready=true]").WaitForAsync();
        var scan = Page.GetByLabel("Scan or type the pass code", new() { Exact = true });
        var result = Page.GetByTestId("door-result");
        await scan.FillAsync(ada.Token);
        await scan.PressAsync("Enter");
        await Assertions.Expect(result).ToContainTextAsync("NOT THE EVENT'S DAY");
        await Assertions.Expect(result).ToContainTextAsync("this is before the event's day. Admit Ada Novak anyway?");
        Assert.Equal(0, await App.WithDbAsync(db => db.CheckIns.CountAsync()));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Admit anyway", Exact = true }).ClickAsync();
        await Assertions.Expect(result).ToContainTextAsync("ADMITTED");
        await Assertions.Expect(result).ToContainTextAsync("Ada Novak");

        await Page.GotoAsync("/door-app/index.html#session=" + session.Token);
        await Page.Locator("body[data-door-ready=true]").WaitForAsync();
        await Assertions.Expect(Page.Locator("#day-warning")).ToContainTextAsync("before the event's day. Each admission asks for confirmation.");
        scan = Page.GetByLabel("Scan or type the pass code", new() { Exact = true });
        await scan.FillAsync(bob.Token);
        await scan.PressAsync("Enter");
        await Assertions.Expect(result).ToContainTextAsync("NOT THE EVENT'S DAY");
        await Assertions.Expect(Page.GetByTestId("door-pending")).ToHaveTextAsync("0 waiting to be sent");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Admit anyway", Exact = true }).ClickAsync();
        await Assertions.Expect(result).ToContainTextAsync("ADMITTED");
        await Assertions.Expect(result).ToContainTextAsync("Bob Meyer");
        await Assertions.Expect(Page.GetByTestId("door-pending")).ToHaveTextAsync("0 waiting to be sent", new() { Timeout = (float)Sync.TotalMilliseconds });
        await using var db = await Database.Factory.CreateDbContextAsync();
        Assert.Equal(["Ada Novak", "Bob Meyer"], await db.CheckIns.OrderBy(c => c.Name).Select(c => c.Name).ToListAsync());
    }
}
