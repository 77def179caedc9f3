using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Team;
using EventHub.Core.Features.Vetting;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Vetting;

public sealed class ApproverGroupTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Organisers_set_the_groups_and_give_a_vetter_one_of_them_whose_approval_then_counts_for_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        var vetter = await s.AddTeamMemberAsync("vera@enc.example", EventRole.Vetter);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            await TestUsers.CreateStaffAsync(db, "hana@ep.example", null);
        }

        var byVetter = await s.InScopeAsync(sp => sp.GetRequiredService<SaveApproverGroups>().ExecuteAsync(vetter, s.EventId, ["Organiser"]));
        var saved = await s.InScopeAsync(sp => sp.GetRequiredService<SaveApproverGroups>().ExecuteAsync(s.Organiser, s.EventId, [" Organiser ", "Host office", "host office", ""]));
        var unknownGroup = await s.InScopeAsync(sp => sp.GetRequiredService<AssignTeamRole>().ExecuteAsync(s.Organiser, s.EventId, new TeamRoleForm { Email = "hana@ep.example", Role = EventRole.HostReviewer, ApproverGroup = "Council" }));
        var doorWithGroup = await s.InScopeAsync(sp => sp.GetRequiredService<AssignTeamRole>().ExecuteAsync(s.Organiser, s.EventId, new TeamRoleForm { Email = "hana@ep.example", Role = EventRole.DoorStaff, ApproverGroup = "Host office" }));
        var assigned = await s.InScopeAsync(sp => sp.GetRequiredService<AssignTeamRole>().ExecuteAsync(s.Organiser, s.EventId, new TeamRoleForm { Email = "hana@ep.example", Role = EventRole.HostReviewer, ApproverGroup = "Host office" }));

        Assert.Equal(OutcomeStatus.Forbidden, byVetter.Status);
        Assert.True(saved.Succeeded);
        Assert.Equal(["Organiser", "Host office"], (await s.EventAsync()).ApproverGroups);
        Assert.Equal("Choose one of the event's report reviewer or approver groups: Host office.", unknownGroup.Errors["ApproverGroup"].Single());
        Assert.Equal(OutcomeStatus.Invalid, doorWithGroup.Status);
        Assert.True(assigned.Succeeded);

        // The host reviewer's approval counts for the Host office; a vetter with no group cannot decide.
        await using var check = await database.Factory.CreateDbContextAsync();
        var hana = TestUsers.Principal(await check.Users.SingleAsync(u => u.Email == "hana@ep.example"));
        var ada = await s.AddRegistrationAsync("Ada Novak", "ada@think.example");
        var noGroup = await s.InScopeAsync(sp => sp.GetRequiredService<DecideRegistration>().ExecuteAsync(vetter, ada.Id, new DecisionForm()));
        var byHost = await s.InScopeAsync(sp => sp.GetRequiredService<DecideRegistration>().ExecuteAsync(hana, ada.Id, new DecisionForm()));
        Assert.Equal(OutcomeStatus.Invalid, noGroup.Status);
        Assert.Equal("Host office approved Ada Novak; nothing is sent until Organiser approves.", byHost.Value!.Message);
    }
}
