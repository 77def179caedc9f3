using EventHub.Core.Auditing;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Privacy;
using EventHub.Core.Jobs;
using EventHub.Core.Privacy;
using EventHub.Core.Tests.Vetting;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Privacy;

/// <summary>ApplyRetention at the right moments: before each date nothing changes, after it exactly the listed data is gone and the counts stay.</summary>
public sealed class RetentionTests
{
    // The scenario's event ends on 9 December 2026 at 13:00 in Brussels (12:00 UTC).
    private static readonly DateTimeOffset EventEnd = new(2026, 12, 9, 12, 0, 0, TimeSpan.Zero);

    private static Task<RetentionSummary> RunAsync(CoreTestHost host) => host.Services.GetRequiredService<ApplyRetention>().ExecuteAsync(CancellationToken.None);

    private static async Task<Registration> RegistrationAsync(VettingScenario s, Guid id)
    {
        await using var db = await s.Database.Factory.CreateDbContextAsync();
        return await db.Registrations.AsNoTracking().Include(r => r.Answers).Include(r => r.Approvals).Include(r => r.Links).AsSplitQuery().SingleAsync(r => r.Id == id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Security_data_goes_after_30_days_and_personal_data_after_12_months_and_the_counts_stay(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        var ada = await PersonData.SeedAsync(s, "Ada Novak", "ada@think.example", "1");
        var bob = await PersonData.SeedAsync(s, "Bob Brandt", "bob@think.example", "2");
        await s.UpdateEventAsync(e => e.ApprovedCount = 2);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            db.ReportNotes.Add(new ReportNote { Id = Guid.NewGuid(), EventId = s.EventId, AuthorUserId = "someone", Text = "Ada said something", CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        host.Clock.SetUtcNow(EventEnd.AddDays(30).AddMinutes(-1));
        var tooEarly = await RunAsync(host);
        var untouched = await RegistrationAsync(s, ada.RegistrationId);

        host.Clock.SetUtcNow(EventEnd.AddDays(30).AddMinutes(1));
        var securityRun = await RunAsync(host);
        var afterSecurity = await RegistrationAsync(s, ada.RegistrationId);

        host.Clock.SetUtcNow(EventEnd.AddMonths(12).AddMinutes(-1));
        var beforePersonal = await RunAsync(host);
        var stillNamed = await RegistrationAsync(s, ada.RegistrationId);

        host.Clock.SetUtcNow(EventEnd.AddMonths(12).AddMinutes(1));
        var personalRun = await RunAsync(host);
        var again = await RunAsync(host);
        var anonymised = await RegistrationAsync(s, ada.RegistrationId);

        Assert.Equal(new RetentionSummary(0, 0, 0), tooEarly);
        Assert.NotNull(untouched.ProtectedSecurityData);
        Assert.Equal(new RetentionSummary(1, 0, 0), securityRun);
        Assert.Null(afterSecurity.ProtectedSecurityData);
        Assert.Equal("Ada Novak", afterSecurity.Name);
        Assert.Equal(new RetentionSummary(0, 0, 0), beforePersonal);
        Assert.Equal(("Ada Novak", "+32 2 555 1"), (stillNamed.Name, stillNamed.Phone));
        Assert.Equal(new RetentionSummary(0, 1, 0), personalRun);
        Assert.Equal(new RetentionSummary(0, 0, 0), again);

        Assert.Equal(Anonymiser.AnonymisedName, anonymised.Name);
        Assert.EndsWith("@" + Anonymiser.PlaceholderDomain, anonymised.Email);
        Assert.Null(anonymised.Phone);
        Assert.Null(anonymised.OrganisationName);
        Assert.Null(anonymised.Position);
        Assert.Null(anonymised.DietaryNeeds);
        Assert.Null(anonymised.AccessibilityNeeds);
        Assert.Null(anonymised.InvitationId);
        Assert.Empty(anonymised.Answers);
        Assert.Empty(anonymised.Links);
        Assert.Null(anonymised.Approvals.Single().InternalReason);
        Assert.NotNull(anonymised.AnonymisedAtUtc);
        // Kept: status, sector, decisions, the counts, the report, the directory.
        Assert.Equal((RegistrationStatus.Approved, Sector.ThinkTank, VettingDecision.Approved), (anonymised.Status, anonymised.Sector, anonymised.Approvals.Single().Decision));

        await using var check = await database.Factory.CreateDbContextAsync();
        var e = await check.Events.AsNoTracking().SingleAsync(x => x.Id == s.EventId);
        Assert.Equal(2, e.ApprovedCount);
        Assert.NotNull(e.SecurityDataErasedAtUtc);
        Assert.NotNull(e.PersonalDataAnonymisedAtUtc);
        Assert.Equal(2, await check.Registrations.CountAsync(r => r.EventId == s.EventId && r.Status == RegistrationStatus.Approved));
        Assert.Equal(0, await check.Registrations.CountAsync(r => r.Name == "Ada Novak" || r.Name == "Bob Brandt"));
        Assert.Equal(0, await check.Invitations.CountAsync(i => i.EventId == s.EventId));
        Assert.Equal(0, await check.InvitationHistory.CountAsync());
        Assert.Equal(0, await check.AccessPasses.CountAsync(p => p.EventId == s.EventId));
        Assert.All(await check.CheckIns.Where(c => c.EventId == s.EventId).ToListAsync(), c => Assert.Equal((Anonymiser.AnonymisedName, (string?)null), (c.Name, c.OrganisationName)));
        Assert.Equal(2, await check.CheckIns.CountAsync(c => c.EventId == s.EventId));
        Assert.All(await check.OnRecordConsents.ToListAsync(), c => Assert.Equal((Anonymiser.AnonymisedName, (string?)null, (string?)null), (c.Name, c.Email, c.Affiliation)));
        Assert.All(await check.CirculationRecipients.ToListAsync(), c => Assert.DoesNotContain("think.example", c.Email));
        Assert.Equal(0, await check.ReportNotes.CountAsync());
        Assert.Equal(0, await check.OutboundEmails.CountAsync(m => m.EventId == s.EventId));
        Assert.Equal(1, await check.Reports.CountAsync(r => r.EventId == s.EventId));
        Assert.Equal(4, await check.Contacts.CountAsync()); // the directories are the organisations' own, not the event's
        var personEntries = await check.AuditEntries.Where(a => a.EventId == s.EventId && (a.SubjectType == nameof(Registration) || a.SubjectType == nameof(Invitation))).ToListAsync();
        Assert.Equal(4, personEntries.Count);
        Assert.All(personEntries, a => Assert.Equal(((string?)null, (string?)null, true), (a.Details, a.ActorName, a.RedactedAtUtc is not null)));
        var retentionEntries = await check.AuditEntries.Where(a => a.Action.StartsWith("retention.")).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["retention.security-data-erased", "retention.personal-data-anonymised"], retentionEntries.Select(a => a.Action));
        Assert.All(retentionEntries, a => Assert.DoesNotContain("Ada", a.Details));
        Assert.Contains("Accepted 2", retentionEntries[1].Details);

        await host.Services.GetRequiredService<SealAuditLog>().ExecuteAsync(CancellationToken.None);
        Assert.True((await host.Services.GetRequiredService<AuditChainVerifier>().VerifyAsync()).Valid);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rapporteurs_notes_go_once_the_report_is_circulated(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        var reportId = Guid.NewGuid();
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            db.Reports.Add(new Report { Id = reportId, EventId = s.EventId, Title = "Report", Markdown = "# Report", Status = ReportStatus.Approved, ConcurrencyStamp = Guid.NewGuid() });
            db.ReportNotes.Add(new ReportNote { Id = Guid.NewGuid(), EventId = s.EventId, AuthorUserId = "r1", Text = "private", CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var whileApproved = await RunAsync(host);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            await db.Reports.Where(r => r.Id == reportId).ExecuteUpdateAsync(x => x.SetProperty(r => r.Status, ReportStatus.Circulated));
        }

        var afterCirculation = await RunAsync(host);
        var again = await RunAsync(host);

        Assert.Equal(0, whileApproved.NotesErased);
        Assert.Equal(1, afterCirculation.NotesErased);
        Assert.Equal(0, again.NotesErased);
        await using var check = await database.Factory.CreateDbContextAsync();
        Assert.Equal(0, await check.ReportNotes.CountAsync());
        Assert.Equal(1, await check.Reports.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Organisers_see_the_schedule_and_may_shorten_it_but_not_exceed_the_maximum(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        await PersonData.SeedAsync(s, "Ada Novak", "ada@think.example", "1");
        var door = await s.AddTeamMemberAsync("door@kas.example", EventRole.DoorStaff);
        var get = host.Scoped.GetRequiredService<GetRetentionSchedule>();
        var save = host.Scoped.GetRequiredService<SaveRetentionPolicy>();

        var schedule = (await get.ExecuteAsync(s.Organiser, s.EventId)).Value!;
        var tooLong = await save.ExecuteAsync(s.Organiser, s.EventId, new RetentionPolicyForm { SecurityDataDays = 31, PersonalDataMonths = 13 });
        var byDoor = await save.ExecuteAsync(door, s.EventId, new RetentionPolicyForm { SecurityDataDays = 1 });
        var shortened = await save.ExecuteAsync(s.Organiser, s.EventId, new RetentionPolicyForm { SecurityDataDays = 0, PersonalDataMonths = 3 });
        var after = (await get.ExecuteAsync(s.Organiser, s.EventId)).Value!;

        Assert.Equal(EventEnd.UtcDateTime.AddDays(30), schedule.Rules[0].DueUtc);
        Assert.Equal(EventEnd.UtcDateTime.AddMonths(12), schedule.Rules[1].DueUtc);
        Assert.Contains(("registrations with security data", 1), schedule.Rules[0].Affected);
        Assert.Contains(("invitations", 1), schedule.Rules[1].Affected);
        Assert.Contains(("check-ins", 1), schedule.Rules[1].Affected);
        Assert.Equal(OutcomeStatus.Forbidden, (await get.ExecuteAsync(door, s.EventId)).Status);
        Assert.Equal(OutcomeStatus.Invalid, tooLong.Status);
        Assert.Contains("between 0 and 30 days", tooLong.Errors[nameof(RetentionPolicyForm.SecurityDataDays)][0]);
        Assert.Contains("between 1 and 12 months", tooLong.Errors[nameof(RetentionPolicyForm.PersonalDataMonths)][0]);
        Assert.Equal(OutcomeStatus.Forbidden, byDoor.Status);
        Assert.True(shortened.Succeeded);
        Assert.Equal((0, 3), (after.SecurityDataDays, after.PersonalDataMonths));
        Assert.Equal(EventEnd.UtcDateTime, after.Rules[0].DueUtc);

        host.Clock.SetUtcNow(EventEnd.AddMinutes(5));
        Assert.Equal(1, (await RunAsync(host)).SecurityDataErased);
        host.Clock.SetUtcNow(EventEnd.AddMonths(3).AddMinutes(5));
        Assert.Equal(1, (await RunAsync(host)).PersonalDataAnonymised);
    }
}
