using EventHub.Core.Auditing;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Reports;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Reports;

public sealed class ReviewWorkflowTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Report_reviewer_groups_are_their_own_list_and_a_host_reviewer_of_one_approves_the_report(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await ReportScenario.CreateAsync(database, host);
        await s.InScopeAsync(sp => sp.GetRequiredService<EventHub.Core.Features.Vetting.SaveApproverGroups>().ExecuteAsync(s.Organiser, s.EventId, ["Organiser", "Co-organiser"]));
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            await TestUsers.CreateStaffAsync(db, "petra@ep.example", null);
        }

        var byRapporteur = await s.InScopeAsync(sp => sp.GetRequiredService<SaveReportReviewerGroups>().ExecuteAsync(s.Rapporteur, s.EventId, ["Host office"]));
        var saved = await s.InScopeAsync(sp => sp.GetRequiredService<SaveReportReviewerGroups>().ExecuteAsync(s.Organiser, s.EventId, [" Host office ", "MEP office", "host office"]));
        var asVetter = await s.InScopeAsync(sp => sp.GetRequiredService<EventHub.Core.Features.Team.AssignTeamRole>().ExecuteAsync(s.Organiser, s.EventId,
            new EventHub.Core.Features.Team.TeamRoleForm { Email = "petra@ep.example", Role = EventRole.Vetter, ApproverGroup = "MEP office" }));
        var asReviewer = await s.InScopeAsync(sp => sp.GetRequiredService<EventHub.Core.Features.Team.AssignTeamRole>().ExecuteAsync(s.Organiser, s.EventId,
            new EventHub.Core.Features.Team.TeamRoleForm { Email = "petra@ep.example", Role = EventRole.HostReviewer, ApproverGroup = "MEP office" }));

        Assert.Equal(OutcomeStatus.Forbidden, byRapporteur.Status);
        Assert.True(saved.Succeeded);
        Assert.Equal(OutcomeStatus.Invalid, asVetter.Status); // registration approver groups are another list
        Assert.True(asReviewer.Succeeded);
        await using var check = await database.Factory.CreateDbContextAsync();
        var petra = TestUsers.Principal(await check.Users.SingleAsync(u => u.Email == "petra@ep.example"));

        // The submission asks the event's reviewer groups, not its approver groups; each reviewer sees the form for their group.
        Assert.True((await s.SubmitAsync(s.Rapporteur)).Succeeded);
        Assert.Equal(["Host office", "MEP office"], (await s.ReportAsync()).RequiredReviewGroups);
        var hanaView = (await s.InScopeAsync(sp => sp.GetRequiredService<GetReportReview>().ExecuteAsync(s.HostOffice, s.EventId))).Value!;
        var petraView = (await s.InScopeAsync(sp => sp.GetRequiredService<GetReportReview>().ExecuteAsync(petra, s.EventId))).Value!;
        Assert.True(hanaView.CanDecide);
        Assert.Equal(["Host office"], hanaView.MyGroups);
        Assert.Equal(["MEP office"], petraView.MyGroups);
        Assert.True((await s.DecideAsync(s.HostOffice, ReviewDecision.Approved)).Succeeded);
        var last = await s.DecideAsync(petra, ReviewDecision.Approved);
        Assert.Equal(ReportStatus.Approved, last.Value!.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_report_goes_to_review_comes_back_with_changes_and_is_approved_when_every_group_approved_the_current_version(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await ReportScenario.CreateAsync(database, host);

        // The default groups: the host reviewers' groups (the event has no approver groups beyond Organiser).
        var view = await s.InScopeAsync(sp => sp.GetRequiredService<GetReportReview>().ExecuteAsync(s.Rapporteur, s.EventId));
        Assert.Equal(["Co-organiser", "Host office"], view.Value!.SuggestedGroups);
        Assert.False((await s.DecideAsync(s.HostOffice, ReviewDecision.Approved)).Succeeded); // not submitted yet

        Assert.True((await s.SubmitAsync(s.Rapporteur)).Succeeded);
        Assert.Equal(ReportStatus.InReview, (await s.ReportAsync()).Status);
        var first = await s.DecideAsync(s.HostOffice, ReviewDecision.Approved);
        Assert.Equal("Host office approved; waiting for Co-organiser.", first.Value!.Message);
        var noComment = await s.DecideAsync(s.CoOrganiser, ReviewDecision.ChangesRequested);
        Assert.Equal(OutcomeStatus.Invalid, noComment.Status);
        Assert.Contains(nameof(ReviewForm.Comment), noComment.Errors.Keys);
        var changes = await s.DecideAsync(s.CoOrganiser, ReviewDecision.ChangesRequested, "Drop the second paragraph's last clause.");
        Assert.Equal(ReportStatus.ChangesRequested, changes.Value!.Status);
        var comment = await s.InScopeAsync(sp => sp.GetRequiredService<CommentOnReport>().ExecuteAsync(s.HostOffice, s.EventId, "Fine by us otherwise."));
        Assert.True(comment.Succeeded);

        // The rapporteur saves version 2 (as the editor does) and resubmits: the first round no longer counts.
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var report = await db.Reports.SingleAsync(r => r.Id == s.ReportId);
            report.Markdown += "\nA revised closing paragraph.";
            report.CurrentVersion = 2;
            await db.SaveChangesAsync();
        }

        Assert.True((await s.SubmitAsync(s.Rapporteur)).Succeeded);
        var afterResubmit = await s.ReportAsync();
        Assert.All(afterResubmit.Reviews, r => Assert.True(r.Superseded));
        var one = await s.DecideAsync(s.CoOrganiser, ReviewDecision.Approved);
        Assert.Equal(ReportStatus.InReview, one.Value!.Status);
        Assert.Equal("Co-organiser approved; waiting for Host office.", one.Value.Message);
        var two = await s.DecideAsync(s.HostOffice, ReviewDecision.Approved, "Cleared by the MEP's office.");
        Assert.Equal(ReportStatus.Approved, two.Value!.Status);

        var approved = await s.ReportAsync();
        Assert.Equal(["Co-organiser", "Host office"], approved.Reviews.Where(r => !r.Superseded).Select(r => r.Group).Order());
        Assert.All(approved.Reviews.Where(r => !r.Superseded), r => Assert.Equal(2, r.VersionNumber));
        Assert.Equal("Fine by us otherwise.", Assert.Single(approved.Comments).Text);
        Assert.Equal(
            ["report.submitted", "report.review-approved", "report.changes-requested", "report.comment", "report.submitted", "report.review-approved", "report.review-approved", "report.approved"],
            await s.AuditActionsAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Door_staff_a_vetter_and_another_events_organiser_cannot_read_or_review_the_draft(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await ReportScenario.CreateAsync(database, host);
        var vetter = await s.Vetting.AddTeamMemberAsync("vera@enc.example", EventRole.Vetter, "Co-organiser");
        var other = await Vetting.VettingScenario.CreateAsync(database, host, "Another meeting", s.Vetting.OrganisationId, "olga@kas.example");
        Assert.True((await s.SubmitAsync(s.Rapporteur)).Succeeded);

        foreach (var outsider in new[] { s.DoorStaff, vetter, other.Organiser })
        {
            var read = await s.InScopeAsync(sp => sp.GetRequiredService<GetReportReview>().ExecuteAsync(outsider, s.EventId));
            var print = await s.InScopeAsync(sp => sp.GetRequiredService<ExportReportDocx>().ExecuteAsync(outsider, s.EventId));
            var comment = await s.InScopeAsync(sp => sp.GetRequiredService<CommentOnReport>().ExecuteAsync(outsider, s.EventId, "Looks good"));
            var decide = await s.DecideAsync(outsider, ReviewDecision.Approved, group: "Host office");
            var circulate = await s.InScopeAsync(sp => sp.GetRequiredService<PreviewCirculation>().ExecuteAsync(outsider, s.EventId, [CirculationAudience.Team]));
            Assert.Equal(OutcomeStatus.Forbidden, read.Status);
            Assert.Null(read.Value);
            Assert.Equal(OutcomeStatus.Forbidden, print.Status);
            Assert.Equal(OutcomeStatus.Forbidden, comment.Status);
            Assert.Equal(OutcomeStatus.Forbidden, decide.Status);
            Assert.Equal(OutcomeStatus.Forbidden, circulate.Status);
        }

        // The rapporteur reads and submits but does not review; a host reviewer reviews for their own group only and cannot submit or circulate.
        Assert.True((await s.InScopeAsync(sp => sp.GetRequiredService<GetReportReview>().ExecuteAsync(s.Rapporteur, s.EventId))).Succeeded);
        Assert.Equal(OutcomeStatus.Forbidden, (await s.DecideAsync(s.Rapporteur, ReviewDecision.Approved)).Status);
        var wrongGroup = await s.DecideAsync(s.HostOffice, ReviewDecision.Approved, group: "Co-organiser");
        Assert.Equal(OutcomeStatus.Invalid, wrongGroup.Status);
        Assert.Contains("You do not decide for “Co-organiser”", wrongGroup.Errors[nameof(ReviewForm.Group)][0]);
        Assert.Equal(OutcomeStatus.Forbidden, (await s.SubmitAsync(s.HostOffice)).Status);
        Assert.Equal(OutcomeStatus.Forbidden, (await s.InScopeAsync(sp => sp.GetRequiredService<PreviewCirculation>().ExecuteAsync(s.HostOffice, s.EventId, [CirculationAudience.Team]))).Status);

        // An organiser may decide for any group, naming it.
        var forHost = await s.DecideAsync(s.Organiser, ReviewDecision.Approved);
        Assert.Equal("Choose the group you decide for.", forHost.Errors[nameof(ReviewForm.Group)][0]);
        Assert.True((await s.DecideAsync(s.Organiser, ReviewDecision.Approved, group: "co-organiser")).Succeeded);
        var report = await s.ReportAsync();
        Assert.Equal("Co-organiser", Assert.Single(report.Reviews).Group);
        Assert.Equal(ReportStatus.InReview, report.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Editing_an_approved_report_sends_it_back_to_draft_supersedes_the_approvals_and_takes_it_off_the_public_page(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var findings = new FakeOpenFindings();
        await using var host = FakeOpenFindings.Host(database, findings);
        var s = await ReportScenario.CreateAsync(database, host);
        await s.ApproveAsync();
        var slug = await s.InScopeAsync(sp => sp.GetRequiredService<PublishReport>().ExecuteAsync(s.Organiser, s.EventId));
        Assert.True(slug.Succeeded);

        // What the editor's save does with the helper.
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var report = await db.Reports.SingleAsync(r => r.Id == s.ReportId);
            report.Markdown += "\nOne more sentence.";
            report.CurrentVersion++;
            var changed = await ReportWorkflow.ReturnToDraftOnEditAsync(db, host.Services.GetRequiredService<AuditLog>(), s.Rapporteur, report, CancellationToken.None);
            Assert.True(changed);
            await db.SaveChangesAsync();
        }

        var after = await s.ReportAsync();
        Assert.Equal(ReportStatus.Draft, after.Status);
        Assert.All(after.Reviews, r => Assert.True(r.Superseded));
        Assert.Null(after.PublicSlug);
        Assert.Equal(OutcomeStatus.NotFound, (await s.InScopeAsync(sp => sp.GetRequiredService<GetPublicReport>().ExecuteAsync(slug.Value!))).Status);
        Assert.Contains("report.returned-to-draft", await s.AuditActionsAsync());
        Assert.False(ReportWorkflow.IsLocked(ReportStatus.Approved));
        Assert.True(ReportWorkflow.IsLocked(ReportStatus.Circulated));
    }
}
