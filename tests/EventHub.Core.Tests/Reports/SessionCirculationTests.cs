using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Reports;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Reports;

/// <summary>Where an event checks its sessions in separately, the report can go to the attendees of chosen sessions only.</summary>
public sealed class SessionCirculationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_report_goes_to_the_attendees_of_the_chosen_session_only_and_the_circulation_records_which(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = FakeOpenFindings.Host(database, new FakeOpenFindings());
        var s = await ReportScenario.CreateAsync(database, host);
        var ada = await s.AddCheckedInAsync("Ada Novak", "ada@think.example");
        var bob = await s.AddCheckedInAsync("Bob Meyer", "bob@eeas.example");
        await s.AddCheckedInAsync("Chloé Martin", "chloe@ifri.example"); // came, but to neither session
        Guid closedDoor, openPanel;
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var start = await db.Events.Where(e => e.Id == s.EventId).Select(e => e.StartsAtUtc).SingleAsync();
            closedDoor = Guid.NewGuid();
            openPanel = Guid.NewGuid();
            db.AgendaItems.Add(new AgendaItem { Id = closedDoor, EventId = s.EventId, Title = "Closed-door discussion", StartsAtUtc = start, EndsAtUtc = start.AddHours(1), Confidentiality = ConfidentialityLevel.ChathamHouse });
            db.AgendaItems.Add(new AgendaItem { Id = openPanel, EventId = s.EventId, Title = "Public panel", StartsAtUtc = start.AddHours(1), EndsAtUtc = start.AddHours(2), Confidentiality = ConfidentialityLevel.OnTheRecord });
            db.AgendaCheckIns.Add(new AgendaCheckIn { Id = Guid.NewGuid(), EventId = s.EventId, AgendaItemId = closedDoor, RegistrationId = ada.Id, AtUtc = start });
            db.AgendaCheckIns.Add(new AgendaCheckIn { Id = Guid.NewGuid(), EventId = s.EventId, AgendaItemId = openPanel, RegistrationId = bob.Id, AtUtc = start.AddHours(1) });
            await db.Events.Where(e => e.Id == s.EventId).ExecuteUpdateAsync(u => u.SetProperty(e => e.CheckInPerAgendaItem, true));
            await db.SaveChangesAsync();
        }

        await s.ApproveAsync();
        Task<Outcome<CirculationResult>> Circulate(int expected, params Guid[] sessions)
            => s.InScopeAsync(sp => sp.GetRequiredService<CirculateReport>().ExecuteAsync(s.Organiser, s.EventId, new CirculationRequest([CirculationAudience.SessionAttendees], expected, sessions)));

        var preview = await s.InScopeAsync(sp => sp.GetRequiredService<PreviewCirculation>().ExecuteAsync(s.Organiser, s.EventId, [CirculationAudience.SessionAttendees], sessions: [closedDoor]));
        Assert.Equal(["Ada Novak"], preview.Value!.Recipients.Select(r => r.Name));
        Assert.True(preview.Value.CanSend);

        var noSession = await Circulate(0);
        Assert.Equal(OutcomeStatus.Invalid, noSession.Status);
        Assert.Equal("Choose the sessions whose attendees receive the report.", noSession.Errors[nameof(CirculationRequest.Sessions)][0]);
        var foreign = await Circulate(1, Guid.NewGuid());
        Assert.Equal("A chosen session is not on this event's agenda: reload the page and choose again.", foreign.Errors[nameof(CirculationRequest.Sessions)][0]);

        var sent = await Circulate(1, closedDoor);
        Assert.True(sent.Succeeded, string.Join(" ", sent.Errors.SelectMany(e => e.Value)));
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var circulation = await db.ReportCirculations.Include(c => c.Recipients).SingleAsync();
            Assert.Equal(["ada@think.example"], circulation.Recipients.Select(r => r.Email));
            Assert.Equal([closedDoor], circulation.AgendaItemIds);
            Assert.Equal([CirculationAudience.SessionAttendees], circulation.Audiences);
        }

        // Both sessions later: only the one who has not received it yet is added.
        var later = await s.InScopeAsync(sp => sp.GetRequiredService<PreviewCirculation>().ExecuteAsync(s.Organiser, s.EventId, [CirculationAudience.SessionAttendees], sessions: [closedDoor, openPanel]));
        Assert.Equal(["Bob Meyer"], later.Value!.Recipients.Select(r => r.Name));
        Assert.Equal(["Ada Novak"], later.Value.AlreadyReceived.Select(r => r.Name));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_event_that_does_not_check_sessions_in_cannot_address_a_sessions_attendees(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = FakeOpenFindings.Host(database, new FakeOpenFindings());
        var s = await ReportScenario.CreateAsync(database, host);
        await s.AddCheckedInAsync("Ada Novak", "ada@think.example");
        await s.ApproveAsync();

        var preview = await s.InScopeAsync(sp => sp.GetRequiredService<PreviewCirculation>().ExecuteAsync(s.Organiser, s.EventId, [CirculationAudience.SessionAttendees], sessions: [Guid.NewGuid()]));

        Assert.False(preview.Value!.CanSend);
        Assert.Contains("This event does not check its sessions in separately: no one has a session's attendance to address.", preview.Value.Blockers);
    }
}
