using System.Security.Claims;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Vetting;
using EventHub.Core.Jobs;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Vetting;

public sealed class DecisionTests
{
    private static Task<Outcome<DecisionResult>> DecideAsync(CoreTestHost host, ClaimsPrincipal actor, Guid registrationId, DecisionForm form)
        => InScope(host, sp => sp.GetRequiredService<DecideRegistration>().ExecuteAsync(actor, registrationId, form));

    private static async Task<T> InScope<T>(CoreTestHost host, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = host.Scope();
        return await work(scope.ServiceProvider);
    }

    private static DecisionForm Approve => new() { Decision = VettingDecision.Approved };

    private static DecisionForm Reject(string reason, bool send = false, string? message = null)
        => new() { Decision = VettingDecision.Rejected, InternalReason = reason, SendMessage = send, MessageToPerson = message };

    private static DecisionForm Waitlist => new() { Decision = VettingDecision.Waitlisted };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task With_two_groups_both_must_approve_one_rejection_rejects_and_the_approval_email_goes_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        var groups = await s.InScopeAsync(sp => sp.GetRequiredService<SaveApproverGroups>().ExecuteAsync(s.Organiser, s.EventId, ["Organiser", "Host office"]));
        Assert.True(groups.Succeeded);
        var host1 = await s.AddTeamMemberAsync("hana@ep.example", EventRole.HostReviewer, "Host office");
        var ada = await s.AddRegistrationAsync("Ada Novak", "ada@think.example", "Think Institute");
        var bob = await s.AddRegistrationAsync("Bob Meyer", "bob@eeas.example", "EEAS");

        var first = await DecideAsync(host, s.Organiser, ada.Id, Approve);
        var afterOne = await s.RegistrationAsync(ada.Id);
        var second = await DecideAsync(host, host1, ada.Id, Approve);
        var again = await DecideAsync(host, host1, ada.Id, Approve);
        await DecideAsync(host, s.Organiser, bob.Id, Approve);
        var rejected = await DecideAsync(host, host1, bob.Id, Reject("Not a policy profile", send: true, message: "The room is limited to officials."));

        Assert.True(first.Succeeded);
        Assert.Equal("Organiser approved Ada Novak; nothing is sent until Host office approves.", first.Value!.Message);
        Assert.False(first.Value.EmailQueued);
        Assert.Equal(["Host office"], first.Value.Awaiting);
        Assert.Equal(RegistrationStatus.Pending, afterOne.Status);
        Assert.Equal(RegistrationStatus.Approved, second.Value!.Status);
        Assert.False(again.Succeeded);
        var approvedAda = await s.RegistrationAsync(ada.Id);
        Assert.Equal(RegistrationStatus.Approved, approvedAda.Status);
        Assert.Equal(["Host office", "Organiser"], approvedAda.Approvals.Where(a => a.Decision == VettingDecision.Approved).Select(a => a.Group).Order());
        Assert.Equal(1, (await s.EventAsync()).ApprovedCount);
        var approvalEmail = Assert.Single(await s.EmailsWithKeyAsync($"registration:{ada.Id}:approved"));
        Assert.Equal("ada@think.example", approvalEmail.ToAddress);
        Assert.Contains("Room ASP 5G2", approvalEmail.TextBody); // the exact venue, now that the place is confirmed
        Assert.Contains("/r/", approvalEmail.TextBody);
        var calendar = Assert.Single(approvalEmail.Attachments, a => a.ContentType == "text/calendar"); // beside the access pass (access-pass.png)
        Assert.Equal(("event.ics", "text/calendar"), (calendar.FileName, calendar.ContentType));
        Assert.Contains("LOCATION:Room ASP 5G2", System.Text.Encoding.UTF8.GetString(calendar.Content).Replace("\r\n ", ""));

        Assert.Equal(RegistrationStatus.Rejected, rejected.Value!.Status);
        var rejectedBob = await s.RegistrationAsync(bob.Id);
        Assert.Equal(RegistrationStatus.Rejected, rejectedBob.Status);
        Assert.NotNull(rejectedBob.DecidedAtUtc);
        Assert.Equal("Not a policy profile", rejectedBob.Approvals.Single(a => a.Decision == VettingDecision.Rejected).InternalReason);
        var rejectionEmail = Assert.Single(await s.EmailsWithKeyAsync($"registration:{bob.Id}:rejected"));
        Assert.Contains("The room is limited to officials.", rejectionEmail.TextBody);
        Assert.DoesNotContain("Not a policy profile", rejectionEmail.TextBody);
        Assert.Empty(await s.EmailsWithKeyAsync($"registration:{bob.Id}:approved"));

        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Action == "registration.approval" && a.EventId == s.EventId));
        Assert.Contains(await db.AuditEntries.Where(a => a.Action == "registration.rejected").Select(a => a.Details).ToListAsync(), d => d!.Contains("Not a policy profile"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_vetters_taking_the_last_place_at_once_only_one_gets_it_and_freed_places_go_down_the_waiting_list(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host1 = CoreTestHost.Create(database);
        await using var host2 = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host1);
        await s.UpdateEventAsync(e => (e.Capacity, e.ApprovedCount, e.WaitlistOfferHours) = (35, 34, 48));
        var vetter1 = await s.AddTeamMemberAsync("vera@enc.example", EventRole.Vetter);
        var vetter2 = await s.AddTeamMemberAsync("victor@enc.example", EventRole.Vetter);
        var ada = await s.AddRegistrationAsync("Ada Novak", "ada@think.example", minutesAgo: 50);
        var bob = await s.AddRegistrationAsync("Bob Meyer", "bob@eeas.example", minutesAgo: 40);
        var cleo = await s.AddRegistrationAsync("Cleo Park", "cleo@nato.example", minutesAgo: 30);
        var dan = await s.AddRegistrationAsync("Dan Ruiz", "dan@gov.example", minutesAgo: 20);

        var results = await Task.WhenAll(DecideAsync(host1, vetter1, ada.Id, Approve), DecideAsync(host2, vetter2, bob.Id, Approve));

        Assert.Single(results, r => r.Succeeded);
        var refused = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal(OutcomeStatus.Conflict, refused.Status);
        Assert.StartsWith("Capacity reached (35 of 35)", refused.Errors[""].Single());
        Assert.Equal(35, (await s.EventAsync()).ApprovedCount);
        var statuses = new[] { (await s.RegistrationAsync(ada.Id)).Status, (await s.RegistrationAsync(bob.Id)).Status };
        Assert.Equal([RegistrationStatus.Pending, RegistrationStatus.Approved], statuses.Order());
        var approvedId = (await s.RegistrationAsync(ada.Id)).Status == RegistrationStatus.Approved ? ada.Id : bob.Id;

        // Cleo and Dan wait; the approved one is then rejected: the place goes to Cleo, who waited longest.
        Assert.True((await DecideAsync(host1, vetter1, cleo.Id, Waitlist)).Succeeded);
        host1.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await DecideAsync(host1, vetter1, dan.Id, Waitlist)).Succeeded);
        Assert.Single(await s.EmailsWithKeyAsync($"registration:{cleo.Id}:waitlisted"));
        var reject = await DecideAsync(host1, s.Organiser, approvedId, Reject("Security concern raised by the host"));
        Assert.True(reject.Succeeded, string.Join(" ", reject.Errors.SelectMany(e => e.Value)));
        Assert.Equal(34, (await s.EventAsync()).ApprovedCount);
        Assert.Equal(RegistrationStatus.Offered, (await s.RegistrationAsync(cleo.Id)).Status);
        Assert.Equal(RegistrationStatus.Waitlisted, (await s.RegistrationAsync(dan.Id)).Status);
        var offer = Assert.Single(await s.EmailsWithKeyAsync($"registration:{cleo.Id}:offered:1"));
        Assert.Contains("/r/", offer.TextBody);
        Assert.Empty(await s.EmailsWithKeyAsync($"registration:{approvedId}:rejected")); // the vetter chose not to send it

        // Cleo does not answer in time: the offer passes to Dan; running the job twice changes nothing more.
        host1.Clock.Advance(TimeSpan.FromHours(49));
        var expiry = await InScope(host1, sp => sp.GetRequiredService<ExpireWaitlistOffers>().ExecuteAsync(CancellationToken.None));
        var secondRun = await InScope(host1, sp => sp.GetRequiredService<ExpireWaitlistOffers>().ExecuteAsync(CancellationToken.None));
        Assert.Equal(new OfferExpirySummary(1, 1), expiry);
        Assert.Equal(new OfferExpirySummary(0, 0), secondRun);
        Assert.Equal(RegistrationStatus.Cancelled, (await s.RegistrationAsync(cleo.Id)).Status);
        Assert.Equal(RegistrationStatus.Offered, (await s.RegistrationAsync(dan.Id)).Status);
        Assert.Single(await s.EmailsWithKeyAsync($"registration:{dan.Id}:offered:1"));
        Assert.False((await InScope(host1, sp => sp.GetRequiredService<AcceptWaitlistOffer>().ExecuteAsync(cleo.Id))).Succeeded);

        // Dan accepts: approved, with the approval email, and the event is full again.
        var accepted = await InScope(host1, sp => sp.GetRequiredService<AcceptWaitlistOffer>().ExecuteAsync(dan.Id));
        Assert.True(accepted.Succeeded, string.Join(" ", accepted.Errors.SelectMany(e => e.Value)));
        Assert.Equal(RegistrationStatus.Approved, (await s.RegistrationAsync(dan.Id)).Status);
        Assert.Equal(35, (await s.EventAsync()).ApprovedCount);
        Assert.Single(await s.EmailsWithKeyAsync($"registration:{dan.Id}:approved"));
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "registration.offer-expired" && a.SubjectId == cleo.Id.ToString()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_organiser_may_approve_beyond_capacity_with_a_reason(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        await s.UpdateEventAsync(e => (e.Capacity, e.ApprovedCount) = (2, 2));
        var vetter = await s.AddTeamMemberAsync("vera@enc.example", EventRole.Vetter);
        var ada = await s.AddRegistrationAsync("Ada Novak", "ada@think.example");

        var byVetter = await DecideAsync(host, vetter, ada.Id, new DecisionForm { OverrideCapacity = true, OverrideReason = "Keynote speaker" });
        var noReason = await DecideAsync(host, s.Organiser, ada.Id, new DecisionForm { OverrideCapacity = true });
        var byOrganiser = await DecideAsync(host, s.Organiser, ada.Id, new DecisionForm { OverrideCapacity = true, OverrideReason = "Keynote speaker" });

        Assert.Equal("Only an organiser can approve beyond capacity.", byVetter.Errors["OverrideCapacity"].Single());
        Assert.Contains("OverrideReason", noReason.Errors.Keys);
        Assert.True(byOrganiser.Succeeded);
        var r = await s.RegistrationAsync(ada.Id);
        Assert.Equal((RegistrationStatus.Approved, true), (r.Status, r.OverCapacity));
        Assert.Equal(3, (await s.EventAsync()).ApprovedCount);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task With_two_groups_an_organisers_override_completes_the_approval_whichever_group_decides_last(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        await s.InScopeAsync(sp => sp.GetRequiredService<SaveApproverGroups>().ExecuteAsync(s.Organiser, s.EventId, ["Organiser", "Host office"]));
        await s.UpdateEventAsync(e => (e.Capacity, e.ApprovedCount) = (2, 2));
        var hana = await s.AddTeamMemberAsync("hana@ep.example", EventRole.HostReviewer, "Host office");
        var ada = await s.AddRegistrationAsync("Ada Novak", "ada@think.example");
        var bob = await s.AddRegistrationAsync("Bob Meyer", "bob@eeas.example");
        var cleo = await s.AddRegistrationAsync("Cleo Park", "cleo@nato.example");
        var beyond = new DecisionForm { OverrideCapacity = true, OverrideReason = "Keynote speaker" };

        // The organiser decides first, allowing going beyond capacity; the host office decides last.
        var organiserFirst = await DecideAsync(host, s.Organiser, ada.Id, beyond);
        var hostLast = await DecideAsync(host, hana, ada.Id, Approve);
        // The host office decides first; the organiser's override comes last.
        var hostFirst = await DecideAsync(host, hana, bob.Id, Approve);
        var organiserLast = await DecideAsync(host, s.Organiser, bob.Id, beyond);
        // Without an override, the last approval is refused for capacity and nothing is sent.
        await DecideAsync(host, s.Organiser, cleo.Id, Approve);
        var refused = await DecideAsync(host, hana, cleo.Id, Approve);

        Assert.Equal(RegistrationStatus.Pending, organiserFirst.Value!.Status);
        Assert.Equal("Organiser approved Ada Novak; nothing is sent until Host office approves (an organiser allowed going beyond capacity).", organiserFirst.Value.Message);
        Assert.Equal(RegistrationStatus.Approved, hostLast.Value!.Status);
        Assert.True(hostLast.Value.EmailQueued);
        Assert.Contains("approved beyond capacity; the approval email with the access pass is in the outbox", hostLast.Value.Message);
        Assert.Equal(RegistrationStatus.Pending, hostFirst.Value!.Status);
        Assert.Equal(RegistrationStatus.Approved, organiserLast.Value!.Status);
        Assert.True((await s.RegistrationAsync(ada.Id)).OverCapacity);
        Assert.True((await s.RegistrationAsync(bob.Id)).OverCapacity);
        Assert.Equal(OutcomeStatus.Conflict, refused.Status);
        Assert.Equal(RegistrationStatus.Pending, (await s.RegistrationAsync(cleo.Id)).Status);
        Assert.Equal(4, (await s.EventAsync()).ApprovedCount);
        Assert.Single(await s.EmailsWithKeyAsync($"registration:{ada.Id}:approved"));
        Assert.Single(await s.EmailsWithKeyAsync($"registration:{bob.Id}:approved"));
        Assert.Empty(await s.EmailsWithKeyAsync($"registration:{cleo.Id}:approved"));
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Contains(await db.AuditEntries.Where(a => a.Action == "registration.over-capacity").Select(a => a.Details).ToListAsync(), d => d!.Contains("Ada Novak") && d.Contains("Keynote speaker"));
    }

    [Fact]
    public void The_bulk_summary_says_what_was_sent_and_which_groups_are_still_awaited()
    {
        var waiting = new BulkDecisionResult(2, 2, [], 0, ["Host office", "Co-organiser"]).Summary(VettingDecision.Approved);
        var mixed = new BulkDecisionResult(3, 1, ["Capacity reached (2 of 2)."], 2, ["Host office"]).Summary(VettingDecision.Approved);

        Assert.Equal("2 registrations approved for your group — nothing is sent to them until Host office and Co-organiser approve; no email sent.", waiting);
        Assert.Equal("2 registrations approved; 1 registration approved for your group — nothing is sent to the person until Host office approves; 2 emails queued (see the outbox); 1 not: Capacity reached (2 of 2).", mixed);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_rejection_needs_a_reason_and_only_the_event_team_may_decide_or_open_the_queue(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        var other = await VettingScenario.CreateAsync(database, host, "Another meeting", s.OrganisationId, "otto@kas.example");
        var vetter = await s.AddTeamMemberAsync("vera@enc.example", EventRole.Vetter);
        var otherVetter = await other.AddTeamMemberAsync("olga@enc.example", EventRole.Vetter);
        var door = await s.AddTeamMemberAsync("door@kas.example", EventRole.DoorStaff);
        var ada = await s.AddRegistrationAsync("Ada Novak", "ada@think.example");

        var noReason = await DecideAsync(host, vetter, ada.Id, Reject("  "));
        var foreign = await DecideAsync(host, otherVetter, ada.Id, Approve);
        var byDoor = await DecideAsync(host, door, ada.Id, Approve);
        var doorQueue = await InScope(host, sp => sp.GetRequiredService<ListVettingQueue>().ExecuteAsync(door, s.EventId, new VettingQuery()));
        var vetterQueue = await InScope(host, sp => sp.GetRequiredService<ListVettingQueue>().ExecuteAsync(vetter, s.EventId, new VettingQuery()));

        Assert.Equal(OutcomeStatus.Invalid, noReason.Status);
        Assert.Equal("Give the reason for the rejection (kept internal, never sent).", noReason.Errors["InternalReason"].Single());
        Assert.Equal(OutcomeStatus.Forbidden, foreign.Status);
        Assert.Equal(OutcomeStatus.Forbidden, byDoor.Status);
        Assert.Equal(OutcomeStatus.Forbidden, doorQueue.Status);
        Assert.Equal("Ada Novak", Assert.Single(vetterQueue.Value!.Rows).Name);
        var unchanged = await s.RegistrationAsync(ada.Id);
        Assert.Equal(RegistrationStatus.Pending, unchanged.Status);
        Assert.Empty(unchanged.Approvals);
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.SubjectId == ada.Id.ToString()));
        Assert.False(await db.OutboundEmails.AnyAsync(m => m.CorrelationKey.StartsWith("registration:")));
    }
}
