using System.Security.Claims;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Door;
using EventHub.Core.Features.Events;
using EventHub.Core.Features.Passes;
using EventHub.Core.Features.Registrations;
using EventHub.Core.Features.Vetting;
using EventHub.Core.Registrations;
using EventHub.Core.Tests.Vetting;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Door;

public sealed class DoorTests
{
    private static DecisionForm Approve => new() { Decision = VettingDecision.Approved };

    private static Task<Outcome<DecisionResult>> DecideAsync(VettingScenario s, ClaimsPrincipal actor, Guid registrationId, DecisionForm form)
        => s.InScopeAsync(sp => sp.GetRequiredService<DecideRegistration>().ExecuteAsync(actor, registrationId, form));

    private static Task<Outcome<DoorAnswer>> ScanAsync(VettingScenario s, ClaimsPrincipal actor, string? token, string device = "Main entrance", Guid? eventId = null)
        => s.InScopeAsync(sp => sp.GetRequiredService<CheckInPass>().ExecuteAsync(actor, eventId ?? s.EventId, token, device));

    /// <summary>The scenario's event is on 9 December 2026 in Brussels; the door admits without a question on that day.</summary>
    internal static void OnTheEventsDay(VettingScenario s) => s.Host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 8, 0, 0, TimeSpan.Zero));

    private static async Task<Registration> ApprovedAsync(VettingScenario s, string name, string email, string organisation)
    {
        var r = await s.AddRegistrationAsync(name, email, organisation);
        var outcome = await DecideAsync(s, s.Organiser, r.Id, Approve);
        Assert.Equal(RegistrationStatus.Approved, outcome.Value!.Status);
        return r;
    }

    private static async Task<List<AccessPass>> PassesAsync(VettingScenario s, Guid registrationId)
    {
        await using var db = await s.Database.Factory.CreateDbContextAsync();
        return await db.AccessPasses.AsNoTracking().Where(p => p.RegistrationId == registrationId).OrderBy(p => p.IssuedAtUtc).ToListAsync();
    }

    private static async Task<string> LiveTokenAsync(VettingScenario s, Guid registrationId)
    {
        var live = Assert.Single(await PassesAsync(s, registrationId), p => p.VoidedAtUtc is null);
        return s.Host.Services.GetRequiredService<AccessPasses>().Token(live);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_pass_is_issued_once_on_full_approval_emailed_as_a_png_and_shown_on_the_attendees_page(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        OnTheEventsDay(s);
        var groups = await s.InScopeAsync(sp => sp.GetRequiredService<SaveApproverGroups>().ExecuteAsync(s.Organiser, s.EventId, ["Organiser", "Host office"]));
        Assert.True(groups.Succeeded);
        var hostReviewer = await s.AddTeamMemberAsync("hana@ep.example", EventRole.HostReviewer, "Host office");
        var ada = await s.AddRegistrationAsync("Ada Novak", "ada@think.example", "Think Institute");

        await DecideAsync(s, s.Organiser, ada.Id, Approve);
        var afterFirstGroup = await PassesAsync(s, ada.Id);
        var approved = await DecideAsync(s, hostReviewer, ada.Id, Approve);
        var again = await DecideAsync(s, hostReviewer, ada.Id, Approve);

        Assert.Empty(afterFirstGroup);
        Assert.Equal(RegistrationStatus.Approved, approved.Value!.Status);
        Assert.False(again.Succeeded);
        var pass = Assert.Single(await PassesAsync(s, ada.Id));
        Assert.Null(pass.VoidedAtUtc);
        Assert.Equal(s.EventId, pass.EventId);
        var token = s.Host.Services.GetRequiredService<AccessPasses>().Token(pass);
        Assert.True(PersonalToken.LooksValid(token));
        Assert.Equal(PersonalToken.Hash(token), pass.TokenHash);
        Assert.DoesNotContain(token, pass.ProtectedToken);

        var email = Assert.Single(await s.EmailsWithKeyAsync($"registration:{ada.Id}:approved"));
        var png = Assert.Single(email.Attachments, a => a.FileName == "access-pass.png");
        Assert.Equal("image/png", png.ContentType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Content.Take(4));
        Assert.Contains("Your access pass is attached", email.TextBody);

        // The attendee's own page (through a personal link) shows the same pass as an SVG.
        string attendeeToken;
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var link = new Uri(s.Host.Services.GetRequiredService<AttendeeLinks>().Issue(db, ada.Id));
            await db.SaveChangesAsync();
            attendeeToken = link.Segments.Last();
        }

        var view = await s.InScopeAsync(sp => sp.GetRequiredService<GetAccessPass>().ExecuteAsync(attendeeToken));
        Assert.NotNull(view);
        Assert.Equal(token, view.Token);
        Assert.Equal("Ada Novak", view.Name);
        Assert.Equal("Room ASP 5G2", view.Venue);
        Assert.StartsWith("<svg", view.QrSvg.TrimStart());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_pass_admits_once_and_void_foreign_or_unapproved_passes_are_not_on_the_list(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        OnTheEventsDay(s);
        var door = await s.AddTeamMemberAsync("marc@kas.example", EventRole.DoorStaff);
        var ada = await ApprovedAsync(s, "Ada Novak", "ada@think.example", "Think Institute");
        var bob = await ApprovedAsync(s, "Bob Meyer", "bob@eeas.example", "EEAS");
        var cem = await ApprovedAsync(s, "Cem Yilmaz", "cem@nato.example", "NATO");
        var adaToken = await LiveTokenAsync(s, ada.Id);
        var bobToken = await LiveTokenAsync(s, bob.Id);
        var cemToken = await LiveTokenAsync(s, cem.Id);

        var admitted = await ScanAsync(s, door, " " + adaToken + " ", "Main entrance, phone 1");
        host.Clock.Advance(TimeSpan.FromMinutes(4));
        var second = await ScanAsync(s, door, adaToken, "Side door");

        Assert.Equal(DoorVerdict.Admitted, admitted.Value!.Verdict);
        Assert.Equal("Ada Novak", admitted.Value.Name);
        Assert.Equal("Think Institute", admitted.Value.OrganisationName);
        Assert.Equal(DoorVerdict.AlreadyIn, second.Value!.Verdict);
        Assert.Equal(admitted.Value.AtUtc, second.Value.AtUtc);
        Assert.Equal("marc", second.Value.ByName); // the staff member's display name
        Assert.Equal("Main entrance, phone 1", second.Value.Device);

        // Rejected after approval: the pass is void.
        var rejected = await DecideAsync(s, s.Organiser, bob.Id, new DecisionForm { Decision = VettingDecision.Rejected, InternalReason = "Security clearance withdrawn" });
        Assert.Equal(RegistrationStatus.Rejected, rejected.Value!.Status);
        var bobPass = Assert.Single(await PassesAsync(s, bob.Id));
        Assert.NotNull(bobPass.VoidedAtUtc);
        Assert.Equal("Rejected after approval", bobPass.VoidReason);

        // Revoked by an organiser: a reason is required, door staff cannot, and it is audited.
        var byDoor = await s.InScopeAsync(sp => sp.GetRequiredService<RevokeAccessPass>().ExecuteAsync(door, s.EventId, cem.Id, new RevokePassForm { Reason = "Lost phone" }));
        var noReason = await s.InScopeAsync(sp => sp.GetRequiredService<RevokeAccessPass>().ExecuteAsync(s.Organiser, s.EventId, cem.Id, new RevokePassForm { Reason = " " }));
        var revoked = await s.InScopeAsync(sp => sp.GetRequiredService<RevokeAccessPass>().ExecuteAsync(s.Organiser, s.EventId, cem.Id, new RevokePassForm { Reason = "Reported the email forwarded" }));
        Assert.Equal(OutcomeStatus.Forbidden, byDoor.Status);
        Assert.Equal(OutcomeStatus.Invalid, noReason.Status);
        Assert.Equal("Give the reason for revoking the pass (kept in the audit log).", noReason.Errors["Reason"].Single());
        Assert.True(revoked.Succeeded);

        foreach (var refused in new[] { bobToken, cemToken, "not-a-token", "", new string('A', 43), PersonalToken.Create().Token })
        {
            var answer = await ScanAsync(s, door, refused);
            Assert.Equal(DoorAnswer.NotOnList, answer.Value);
        }

        // Reissued: the new pass admits, the old one stays refused, and the new one is emailed.
        var reissued = await s.InScopeAsync(sp => sp.GetRequiredService<ReissueAccessPass>().ExecuteAsync(s.Organiser, s.EventId, cem.Id));
        Assert.True(reissued.Succeeded);
        var cemNew = await LiveTokenAsync(s, cem.Id);
        Assert.NotEqual(cemToken, cemNew);
        Assert.Equal(DoorVerdict.NotOnList, (await ScanAsync(s, door, cemToken)).Value!.Verdict);
        Assert.Equal(DoorVerdict.Admitted, (await ScanAsync(s, door, cemNew)).Value!.Verdict);
        var passes = await PassesAsync(s, cem.Id);
        Assert.Equal(2, passes.Count);
        Assert.Single(await s.EmailsWithKeyAsync($"registration:{cem.Id}:pass:{passes[1].Id}"));

        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Equal(["Ada Novak", "Cem Yilmaz"], await db.CheckIns.Where(c => c.EventId == s.EventId).OrderBy(c => c.Name).Select(c => c.Name).ToListAsync());
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "pass.revoked" && a.SubjectId == cem.Id.ToString() && a.Details!.Contains("Reported the email forwarded")));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "pass.reissued" && a.SubjectId == cem.Id.ToString()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_cancelled_registrations_pass_is_void(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        OnTheEventsDay(s);
        var ada = await ApprovedAsync(s, "Ada Novak", "ada@think.example", "Think Institute");
        var token = await LiveTokenAsync(s, ada.Id);
        string attendeeToken;
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            attendeeToken = new Uri(s.Host.Services.GetRequiredService<AttendeeLinks>().Issue(db, ada.Id)).Segments.Last();
            await db.SaveChangesAsync();
        }

        var cancelled = await s.InScopeAsync(sp => sp.GetRequiredService<CancelAttendance>().ExecuteAsync(attendeeToken));

        Assert.True(cancelled.Succeeded);
        Assert.Equal("Cancelled by the attendee", Assert.Single(await PassesAsync(s, ada.Id)).VoidReason);
        Assert.Equal(DoorVerdict.NotOnList, (await ScanAsync(s, s.Organiser, token)).Value!.Verdict);
        Assert.Null(await s.InScopeAsync(sp => sp.GetRequiredService<GetAccessPass>().ExecuteAsync(attendeeToken)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Ten_doors_scanning_one_pass_at_the_same_moment_admit_it_exactly_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        OnTheEventsDay(s);
        var door = await s.AddTeamMemberAsync("marc@kas.example", EventRole.DoorStaff);
        var ada = await ApprovedAsync(s, "Ada Novak", "ada@think.example", "Think Institute");
        var token = await LiveTokenAsync(s, ada.Id);

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var doors = Enumerable.Range(1, 10).Select(n => Task.Run(async () =>
        {
            await start.Task;
            await using var scope = host.Scope();
            return await scope.ServiceProvider.GetRequiredService<CheckInPass>().ExecuteAsync(door, s.EventId, token, $"Door {n}");
        })).ToList();
        start.SetResult();
        var answers = (await Task.WhenAll(doors)).Select(o => o.Value!).ToList();

        var winner = Assert.Single(answers, a => a.Verdict == DoorVerdict.Admitted);
        Assert.Equal(9, answers.Count(a => a.Verdict == DoorVerdict.AlreadyIn));
        Assert.All(answers.Where(a => a.Verdict == DoorVerdict.AlreadyIn), a => Assert.Equal(winner.Device, a.Device));
        await using var db = await database.Factory.CreateDbContextAsync();
        var row = Assert.Single(await db.CheckIns.Where(c => c.RegistrationId == ada.Id).ToListAsync());
        Assert.Equal(winner.Device, row.Device);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_database_refuses_a_second_check_in_of_one_registration_and_the_door_reads_it_as_already_in(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        OnTheEventsDay(s);
        var ada = await ApprovedAsync(s, "Ada Novak", "ada@think.example", "Think Institute");
        CheckIn Row(string device) => new() { Id = Guid.NewGuid(), EventId = s.EventId, RegistrationId = ada.Id, Kind = CheckInKind.Pass, Name = "Ada Novak", AtUtc = host.Clock.GetUtcNow().UtcDateTime, Device = device };

        await using var first = await database.Factory.CreateDbContextAsync();
        Assert.Equal(DoorVerdict.Admitted, (await DoorAdmission.AdmitAsync(first, Row("Door 1"), CancellationToken.None)).Verdict);
        // The race's loser: it passed the "already in?" look-up before the winner committed, so only the index stops it.
        await using var second = await database.Factory.CreateDbContextAsync();
        var loser = await DoorAdmission.AdmitAsync(second, Row("Door 2"), CancellationToken.None);

        Assert.Equal(DoorVerdict.AlreadyIn, loser.Verdict);
        Assert.Equal("Door 1", loser.Device);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_walk_in_or_problem_case_needs_an_organiser_and_a_reason_and_is_audited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        OnTheEventsDay(s);
        var door = await s.AddTeamMemberAsync("marc@kas.example", EventRole.DoorStaff);
        var pending = await s.AddRegistrationAsync("Dana Pohl", "dana@bund.example", "Bundestag");
        Task<Outcome<DoorAnswer>> Override(ClaimsPrincipal actor, OverrideForm form)
            => s.InScopeAsync(sp => sp.GetRequiredService<AdmitWithOverride>().ExecuteAsync(actor, s.EventId, form, "Main entrance"));

        var byDoor = await Override(door, new OverrideForm { Name = "Walter Ink", Reason = "The host's guest" });
        var noReason = await Override(s.Organiser, new OverrideForm { Name = "Walter Ink" });
        var noName = await Override(s.Organiser, new OverrideForm { Reason = "The host's guest" });
        var walkIn = await Override(s.Organiser, new OverrideForm { Name = " Walter Ink ", OrganisationName = "EP", Reason = "The host's guest" });
        var problem = await Override(s.Organiser, new OverrideForm { RegistrationId = pending.Id, Reason = "Vetting not finished; cleared by phone with the host" });
        var problemAgain = await Override(s.Organiser, new OverrideForm { RegistrationId = pending.Id, Reason = "Again" });
        var byNameAtDoor = await s.InScopeAsync(sp => sp.GetRequiredService<CheckInByName>().ExecuteAsync(door, s.EventId, pending.Id, "Main entrance"));

        Assert.Equal(OutcomeStatus.Forbidden, byDoor.Status);
        Assert.Equal("Give the reason for admitting this person (kept in the audit log).", noReason.Errors["Reason"].Single());
        Assert.Equal("Give the walk-in's name.", noName.Errors["Name"].Single());
        Assert.Equal(DoorVerdict.Admitted, walkIn.Value!.Verdict);
        Assert.Equal("Walter Ink", walkIn.Value.Name);
        Assert.Equal(DoorVerdict.Admitted, problem.Value!.Verdict);
        Assert.Equal(DoorVerdict.AlreadyIn, problemAgain.Value!.Verdict);
        Assert.Equal(DoorAnswer.NotOnList, byNameAtDoor.Value);

        await using var db = await database.Factory.CreateDbContextAsync();
        var rows = await db.CheckIns.Where(c => c.EventId == s.EventId).OrderBy(c => c.Name).ToListAsync();
        Assert.Equal(["Dana Pohl", "Walter Ink"], rows.Select(r => r.Name));
        Assert.All(rows, r => Assert.Equal(CheckInKind.Override, r.Kind));
        Assert.Null(rows[1].RegistrationId);
        var audits = await db.AuditEntries.Where(a => a.Action == "door.override").OrderBy(a => a.Details).Select(a => a.Details!).ToListAsync();
        Assert.Equal(2, audits.Count);
        Assert.Contains("Dana Pohl (pending registration) admitted by an organiser's override: Vetting not finished; cleared by phone with the host", audits);
        Assert.Contains("Walk-in Walter Ink (EP) admitted without a registration: The host's guest", audits);
        var activity = await s.InScopeAsync(sp => sp.GetRequiredService<GetDoorActivity>().ExecuteAsync(door, s.EventId));
        Assert.Equal(2, activity.Value!.CheckedIn);
        Assert.Equal(2, activity.Value.Overrides);
        Assert.Equal(0, activity.Value.Approved);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Door_staff_work_only_their_events_door_and_see_nothing_else(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        OnTheEventsDay(s);
        var other = await VettingScenario.CreateAsync(database, host, "Another meeting", s.OrganisationId, "otto@kas.example");
        var door = await s.AddTeamMemberAsync("marc@kas.example", EventRole.DoorStaff);
        var ada = await ApprovedAsync(s, "Ada Novak", "ada@think.example", "Think Institute");
        await s.AddRegistrationAsync("Adam Pending", "adam@think.example", "Think Institute");
        var olaf = await ApprovedAsync(other, "Olaf Berg", "olaf@other.example", "Other Institute");
        var olafToken = await LiveTokenAsync(other, olaf.Id);

        var atOtherDoor = await ScanAsync(s, door, olafToken, eventId: other.EventId);
        var otherPassHere = await ScanAsync(s, door, olafToken);
        var byNameOtherEvent = await s.InScopeAsync(sp => sp.GetRequiredService<CheckInByName>().ExecuteAsync(door, s.EventId, olaf.Id, null));
        var search = await s.InScopeAsync(sp => sp.GetRequiredService<SearchDoorList>().ExecuteAsync(door, s.EventId, "ada"));
        var searchEveryone = await s.InScopeAsync(sp => sp.GetRequiredService<SearchDoorList>().ExecuteAsync(door, s.EventId, "ada", everyone: true));
        var otherActivity = await s.InScopeAsync(sp => sp.GetRequiredService<GetDoorActivity>().ExecuteAsync(door, other.EventId));
        var overview = await s.InScopeAsync(sp => sp.GetRequiredService<GetEvent>().ExecuteAsync(door, s.EventId));
        var doorScreen = await s.InScopeAsync(sp => sp.GetRequiredService<OpenDoor>().ExecuteAsync(door, s.EventId));
        var passStatus = await s.InScopeAsync(sp => sp.GetRequiredService<GetPassStatus>().ExecuteAsync(door, s.EventId, ada.Id));

        Assert.Equal(OutcomeStatus.Forbidden, atOtherDoor.Status);
        Assert.Equal(DoorAnswer.NotOnList, otherPassHere.Value);
        Assert.Equal(DoorAnswer.NotOnList, byNameOtherEvent.Value);
        Assert.Equal(["Ada Novak"], search.Value!.Select(h => h.Name));
        Assert.Equal(OutcomeStatus.Forbidden, searchEveryone.Status);
        Assert.Equal(OutcomeStatus.Forbidden, otherActivity.Status);
        Assert.Equal(OutcomeStatus.Forbidden, overview.Status);
        Assert.True(doorScreen.Succeeded);
        Assert.False(doorScreen.Value!.CanOverride);
        Assert.False(doorScreen.Value.CanOpenEvent);
        Assert.Equal(OutcomeStatus.Forbidden, passStatus.Status);
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.False(await db.CheckIns.AnyAsync());
    }
}
