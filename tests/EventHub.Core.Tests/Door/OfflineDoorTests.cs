using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Door;
using EventHub.Core.Features.Passes;
using EventHub.Core.Features.Vetting;
using EventHub.Core.Registrations;
using EventHub.Core.Tests.Vetting;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Door;

/// <summary>Door sessions as credentials, the device's list, and the sync of offline check-ins (the event is on 9 December 2026).</summary>
public sealed class OfflineDoorTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Offline_check_ins_sync_once_a_second_door_becomes_a_conflict_and_a_revoked_pass_is_refused_and_kept(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        DoorTests.OnTheEventsDay(s);
        var door = await s.AddTeamMemberAsync("marc@kas.example", EventRole.DoorStaff);
        var (ada, adaHash) = await ApprovedAsync(s, "Ada Novak", "ada@think.example");
        var (bob, bobHash) = await ApprovedAsync(s, "Bob Meyer", "bob@eeas.example");
        var (cem, cemHash) = await ApprovedAsync(s, "Cem Yilmaz", "cem@nato.example");
        var rejected = await s.AddRegistrationAsync("Rex Rejected", "rex@x.example", "X", status: RegistrationStatus.Rejected);

        var byDoorStaff = await OpenAsync(s, door, "Main door");
        var main = (await OpenAsync(s, s.Organiser, "Main door", "Clara")).Value!;
        var side = (await OpenAsync(s, s.Organiser, "Side door", "Marc")).Value!;
        var device = await s.InScopeAsync(sp => sp.GetRequiredService<GetDoorDeviceSession>().ExecuteAsync(main.Token));
        var list = (await ListAsync(s, main.Token)).Value!;

        Assert.Equal(OutcomeStatus.Forbidden, byDoorStaff.Status);
        Assert.Equal(new DateTime(2026, 12, 9, 23, 0, 0), main.ExpiresAtUtc);
        Assert.Equal(32, Convert.FromBase64String(device.Value!.ListKey).Length);
        Assert.Equal("Main door", device.Value.Label);
        Assert.Equal(new[] { ada.Id, bob.Id, cem.Id }.Order(), list.Attendees.Select(a => a.RegistrationId).Order());
        Assert.Equal(adaHash, list.Attendees.Single(a => a.RegistrationId == ada.Id).PassHash);
        Assert.DoesNotContain(list.Attendees, a => a.RegistrationId == rejected.Id);

        // Both doors offline admit Ada; the main door also admits Bob; Cem's pass is revoked while the side door is offline.
        var at = host.Clock.GetUtcNow().UtcDateTime;
        var mainAda = Item(ada.Id, adaHash, at);
        var mainBob = Item(bob.Id, null, at.AddSeconds(5));
        var sideAda = Item(ada.Id, adaHash, at.AddMinutes(1));
        var sideCem = Item(cem.Id, cemHash, at.AddMinutes(2));
        await s.InScopeAsync(sp => sp.GetRequiredService<RevokeAccessPass>().ExecuteAsync(s.Organiser, s.EventId, cem.Id, new RevokePassForm { Reason = "Lost phone" }));
        host.Clock.Advance(TimeSpan.FromMinutes(10));

        var first = (await SyncAsync(s, main.Token, [mainAda, mainBob])).Value!;
        var again = (await SyncAsync(s, main.Token, [mainAda, mainBob])).Value!; // the answer was lost: sent again
        var second = (await SyncAsync(s, side.Token, [sideAda, sideCem])).Value!;
        var secondAgain = (await SyncAsync(s, side.Token, [sideAda])).Value!;

        Assert.All(first.Concat(again), r => Assert.Equal(DeviceCheckInResults.Admitted, r.Result));
        Assert.Equal(DeviceCheckInResults.Conflict, second[0].Result);
        Assert.Contains("already admitted at Main door", second[0].Message);
        Assert.Equal(DeviceCheckInResults.Refused, second[1].Result);
        Assert.Contains("revoked", second[1].Message);
        Assert.Equal(DeviceCheckInResults.Conflict, secondAgain[0].Result);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var checkIns = await db.CheckIns.AsNoTracking().OrderBy(c => c.Name).ToListAsync();
            Assert.Equal(["Ada Novak", "Bob Meyer"], checkIns.Select(c => c.Name));
            Assert.Equal((at, "Main door", "Clara", CheckInKind.Pass), (checkIns[0].AtUtc, checkIns[0].Device, checkIns[0].ByName, checkIns[0].Kind));
            Assert.Equal(CheckInKind.NameSearch, checkIns[1].Kind);
            var conflicts = await db.DoorConflicts.AsNoTracking().OrderBy(c => c.Name).ToListAsync();
            Assert.Equal(2, conflicts.Count);
            Assert.Equal((DoorConflictKind.SecondAdmission, "Ada Novak", "Side door", "Marc", checkIns[0].Id), (conflicts[0].Kind, conflicts[0].Name, conflicts[0].Device, conflicts[0].ByName, conflicts[0].CheckInId));
            Assert.Equal((DoorConflictKind.RefusedPass, "Cem Yilmaz"), (conflicts[1].Kind, conflicts[1].Name));
        }

        var shown = (await s.InScopeAsync(sp => sp.GetRequiredService<ListDoorConflicts>().ExecuteAsync(s.Organiser, s.EventId))).Value!;
        var hidden = await s.InScopeAsync(sp => sp.GetRequiredService<ListDoorConflicts>().ExecuteAsync(door, s.EventId));
        Assert.Equal(2, shown.Count);
        Assert.Contains(shown, c => c is { Kind: DoorConflictKind.SecondAdmission, CountedDevice: "Main door", Device: "Side door" });
        Assert.Equal(OutcomeStatus.Forbidden, hidden.Status);

        // The refreshed list shows Ada in (from the main door) and no longer carries Cem's revoked pass.
        var after = (await ListAsync(s, side.Token)).Value!;
        Assert.Equal("Main door", after.Attendees.Single(a => a.RegistrationId == ada.Id).CheckIn!.Device);
        Assert.Null(after.Attendees.Single(a => a.RegistrationId == cem.Id).PassHash);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_revoked_signed_out_or_expired_door_session_gets_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        DoorTests.OnTheEventsDay(s);
        var (ada, adaHash) = await ApprovedAsync(s, "Ada Novak", "ada@think.example");
        var revoked = (await OpenAsync(s, s.Organiser, "Phone 1")).Value!;
        var signedOut = (await OpenAsync(s, s.Organiser, "Phone 2")).Value!;
        var expiring = (await OpenAsync(s, s.Organiser, "Phone 3")).Value!;
        var invalid = await OpenAsync(s, s.Organiser, "  ");

        var revoke = await s.InScopeAsync(sp => sp.GetRequiredService<RevokeDoorSession>().ExecuteAsync(s.Organiser, s.EventId, revoked.Id));
        var end = await s.InScopeAsync(sp => sp.GetRequiredService<EndDoorSession>().ExecuteAsync(signedOut.Token));
        var beforeExpiry = await ListAsync(s, expiring.Token);
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 23, 0, 0, TimeSpan.Zero));

        Assert.True(revoke.Succeeded);
        Assert.True(end.Succeeded);
        Assert.Equal(OutcomeStatus.Invalid, invalid.Status);
        Assert.True(beforeExpiry.Succeeded);
        foreach (var token in new[] { revoked.Token, signedOut.Token, expiring.Token, PersonalToken.Create().Token, "garbage" })
        {
            Assert.Equal(OutcomeStatus.Forbidden, (await ListAsync(s, token)).Status);
            Assert.Equal(OutcomeStatus.Forbidden, (await s.InScopeAsync(sp => sp.GetRequiredService<GetDoorDeviceSession>().ExecuteAsync(token))).Status);
            Assert.Equal(OutcomeStatus.Forbidden, (await SyncAsync(s, token, [Item(ada.Id, adaHash, new DateTime(2026, 12, 9, 9, 0, 0))])).Status);
        }

        var late = await OpenAsync(s, s.Organiser, "Phone 4");
        Assert.Equal(OutcomeStatus.Invalid, late.Status);
        Assert.Contains("door closed", late.Errors[""][0]);
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Empty(await db.CheckIns.ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Where_the_event_checks_agenda_items_separately_a_session_is_attended_once_whatever_the_number_of_doors(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        DoorTests.OnTheEventsDay(s);
        var (ada, _) = await ApprovedAsync(s, "Ada Novak", "ada@think.example");
        var discussion = Guid.NewGuid();
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            db.AgendaItems.Add(new AgendaItem { Id = discussion, EventId = s.EventId, Title = "Closed-door discussion", StartsAtUtc = new DateTime(2026, 12, 9, 9, 0, 0, DateTimeKind.Utc), SortOrder = 1 });
            await db.SaveChangesAsync();
        }

        var main = (await OpenAsync(s, s.Organiser, "Main door")).Value!;
        var side = (await OpenAsync(s, s.Organiser, "Side door")).Value!;
        var at = host.Clock.GetUtcNow().UtcDateTime;
        var refusedWhileOff = (await SyncAsync(s, main.Token, [new DeviceCheckIn { ClientId = Guid.NewGuid(), RegistrationId = ada.Id, AgendaItemId = discussion, AtUtc = at }])).Value!;
        var offSession = (await s.InScopeAsync(sp => sp.GetRequiredService<GetDoorDeviceSession>().ExecuteAsync(main.Token))).Value!;
        Assert.True((await s.InScopeAsync(sp => sp.GetRequiredService<SaveDoorSettings>().ExecuteAsync(s.Organiser, s.EventId, false, true))).Succeeded);
        var onSession = (await s.InScopeAsync(sp => sp.GetRequiredService<GetDoorDeviceSession>().ExecuteAsync(main.Token))).Value!;
        var first = (await SyncAsync(s, main.Token, [new DeviceCheckIn { ClientId = Guid.NewGuid(), RegistrationId = ada.Id, AgendaItemId = discussion, AtUtc = at }])).Value!;
        var second = (await SyncAsync(s, side.Token, [new DeviceCheckIn { ClientId = Guid.NewGuid(), RegistrationId = ada.Id, AgendaItemId = discussion, AtUtc = at.AddMinutes(1) }])).Value!;
        var list = (await ListAsync(s, side.Token)).Value!;

        Assert.Equal(DeviceCheckInResults.Refused, refusedWhileOff[0].Result);
        Assert.Empty(offSession.AgendaItems);
        Assert.Equal("Closed-door discussion", Assert.Single(onSession.AgendaItems).Title);
        Assert.Equal(DeviceCheckInResults.Admitted, first[0].Result);
        Assert.Equal(DeviceCheckInResults.Admitted, second[0].Result);
        Assert.Equal([discussion], list.Attendees.Single().AgendaItems);
        Assert.Null(list.Attendees.Single().CheckIn); // attending a session is not the arrival at the door
        await using var check = await database.Factory.CreateDbContextAsync();
        Assert.Equal("Main door", Assert.Single(await check.AgendaCheckIns.ToListAsync()).Device);
        Assert.Empty(await check.CheckIns.ToListAsync());
    }

    private static DeviceCheckIn Item(Guid registrationId, string? passHash, DateTime at)
        => new() { ClientId = Guid.NewGuid(), RegistrationId = registrationId, PassHash = passHash, AtUtc = at };

    private static Task<Outcome<OpenedDoorSession>> OpenAsync(VettingScenario s, System.Security.Claims.ClaimsPrincipal actor, string label, string? staff = null)
        => s.InScopeAsync(sp => sp.GetRequiredService<OpenDoorSession>().ExecuteAsync(actor, s.EventId, new DoorSessionForm { Label = label, StaffName = staff }));

    private static Task<Outcome<DoorList>> ListAsync(VettingScenario s, string token)
        => s.InScopeAsync(sp => sp.GetRequiredService<GetDoorList>().ExecuteAsync(token));

    private static Task<Outcome<IReadOnlyList<DeviceCheckInResult>>> SyncAsync(VettingScenario s, string token, IReadOnlyList<DeviceCheckIn> items)
        => s.InScopeAsync(sp => sp.GetRequiredService<SyncDoorCheckIns>().ExecuteAsync(token, items));

    private static async Task<(Registration Registration, string PassHash)> ApprovedAsync(VettingScenario s, string name, string email)
    {
        var r = await s.AddRegistrationAsync(name, email, "Think Institute");
        await s.InScopeAsync(sp => sp.GetRequiredService<DecideRegistration>().ExecuteAsync(s.Organiser, r.Id, new DecisionForm { Decision = VettingDecision.Approved }));
        await using var db = await s.Database.Factory.CreateDbContextAsync();
        var pass = await db.AccessPasses.AsNoTracking().SingleAsync(p => p.RegistrationId == r.Id && p.VoidedAtUtc == null);
        return (r, pass.TokenHash);
    }
}
