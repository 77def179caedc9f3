using EventHub.Core.Data;
using EventHub.Core.Features.Home;
using EventHub.Core.Features.Vetting;
using EventHub.Core.Tests.Vetting;
using EventHub.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Home;

public sealed class MyDayTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_person_sees_what_waits_for_their_group_the_next_deadlines_and_the_funnel_their_role_may_see(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database, now: new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var s = await VettingScenario.CreateAsync(database, host);
        await s.InScopeAsync(sp => sp.GetRequiredService<SaveApproverGroups>().ExecuteAsync(s.Organiser, s.EventId, ["Organiser", "Host office"]));
        var hana = await s.AddTeamMemberAsync("hana@ep.example", EventRole.HostReviewer, "Host office");
        var dora = await s.AddTeamMemberAsync("dora@kas.example", EventRole.DoorStaff);
        var ada = await s.AddRegistrationAsync("Ada Novak", "ada@think.example");
        await s.AddRegistrationAsync("Bob Meyer", "bob@eeas.example");
        Assert.True((await s.InScopeAsync(sp => sp.GetRequiredService<DecideRegistration>().ExecuteAsync(s.Organiser, ada.Id, new DecisionForm()))).Succeeded);

        Task<MyDay> DayOf(System.Security.Claims.ClaimsPrincipal who) => s.InScopeAsync(sp => sp.GetRequiredService<GetMyDay>().ExecuteAsync(who));
        var clara = await DayOf(s.Organiser);
        var host1 = await DayOf(hana);
        var door = await DayOf(dora);

        var organiserTask = Assert.Single(clara.Tasks);
        Assert.Equal((MyTaskKind.RegistrationsAwaitingMyGroup, 1, "1 registration awaits Organiser's approval"), (organiserTask.Kind, organiserTask.Count, organiserTask.Text));
        Assert.Equal($"events/{s.EventId}/vetting?status=Pending", organiserTask.Href);
        var hostTask = Assert.Single(host1.Tasks);
        Assert.Equal((2, "2 registrations await Host office's approval"), (hostTask.Count, hostTask.Text));
        Assert.Empty(door.Tasks);
        Assert.Empty(door.Funnels);

        // The event starts in 8 days; the default reminders 7 days and 1 day before are due first.
        Assert.Contains(clara.Deadlines, d => d.What == "The event starts" && d.AtUtc == new DateTime(2026, 12, 9, 9, 0, 0));
        Assert.Contains(clara.Deadlines, d => d.What.StartsWith("Reminder", StringComparison.Ordinal) && d.Href.EndsWith("/reminders", StringComparison.Ordinal));
        Assert.Equal(clara.Deadlines.OrderBy(d => d.AtUtc).Select(d => d.AtUtc), clara.Deadlines.Select(d => d.AtUtc));
        Assert.DoesNotContain(host1.Deadlines, d => d.What.StartsWith("Reminder", StringComparison.Ordinal)); // reminders belong to those who invite

        var funnel = Assert.Single(clara.Funnels);
        Assert.Equal((0, 2, 0, 0), (funnel.Invited, funnel.Accepted, funnel.Approved, funnel.CheckedIn));
        Assert.Equal(Sector.ThinkTank, Assert.Single(funnel.BySector).Sector);
    }
}
