using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Registrations;
using EventHub.Core.Features.Vetting;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Vetting;

/// <summary>Security data is decrypted for the event's organisers only, through its own event, and each viewing is audited;
/// vetters and host reviewers open the registration and learn only that it is on file.</summary>
public sealed class SecurityDataAccessTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Organisers_see_the_decrypted_security_data_vetters_and_hostReviewerreviewers_only_that_it_is_on_file(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        var other = await VettingScenario.CreateAsync(database, host, "Another foundation's meeting", organiserEmail: "ivan@other.example", organisationName: "Another Foundation");
        var vetter = await s.AddTeamMemberAsync("vera@enc.example", EventRole.Vetter);
        var door = await s.AddTeamMemberAsync("marc@kas.example", EventRole.DoorStaff);
        var hostReviewer = await s.AddTeamMemberAsync("hana@kas.example", EventRole.HostReviewer);
        var protectedData = host.Services.GetRequiredService<SecurityData>().Protect(new SecurityDetails(new DateOnly(1980, 5, 17), "Belgian", "Passport", "EH1234567"));
        var ada = await s.AddRegistrationAsync("Ada Novak", "ada@think.example", "Think", securityData: protectedData);
        var elsewhere = await other.AddRegistrationAsync("Omar Other", "omar@other.example", "Other");
        var get = host.Scoped.GetRequiredService<GetRegistrationDetails>();

        var seenByVetter = await get.ExecuteAsync(vetter, s.EventId, ada.Id);
        var seenByOrganiser = await get.ExecuteAsync(s.Organiser, s.EventId, ada.Id);
        var seenByDoor = await get.ExecuteAsync(door, s.EventId, ada.Id);
        var seenByHostReviewer = await get.ExecuteAsync(hostReviewer, s.EventId, ada.Id);
        var seenByOtherOrganiser = await get.ExecuteAsync(other.Organiser, s.EventId, ada.Id);
        var otherEventThroughMine = await get.ExecuteAsync(vetter, s.EventId, elsewhere.Id);
        var mineThroughOtherEvent = await get.ExecuteAsync(other.Organiser, other.EventId, ada.Id);

        Assert.Equal(("Belgian", "EH1234567"), (seenByOrganiser.Value!.Security!.Nationality, seenByOrganiser.Value.Security.DocumentNumber));
        Assert.Equal(new DateOnly(1980, 5, 17), seenByOrganiser.Value.Security.DateOfBirth);
        foreach (var seen in new[] { seenByVetter, seenByHostReviewer })
        {
            Assert.Equal(OutcomeStatus.Succeeded, seen.Status);
            Assert.Null(seen.Value!.Security);
            Assert.True(seen.Value.HasSecurityData);
        }

        Assert.Equal(OutcomeStatus.Forbidden, seenByDoor.Status);
        Assert.Equal(OutcomeStatus.Forbidden, seenByOtherOrganiser.Status);
        Assert.Equal(OutcomeStatus.NotFound, otherEventThroughMine.Status); // an id changed in the URL
        Assert.Equal(OutcomeStatus.NotFound, mineThroughOtherEvent.Status);
        Assert.Null(seenByDoor.Value);
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "registration.security-data-viewed" && a.SubjectId == ada.Id.ToString()));
    }
}
