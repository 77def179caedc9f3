using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

public sealed record ReportReviewView(
    Report Report,
    string EventTitle,
    DateTime EventStartsAtUtc,
    string TimeZoneId,
    string? City,
    string Html,
    IReadOnlyList<ReviewGroupState> Groups,
    IReadOnlyList<string> SuggestedGroups,
    IReadOnlyList<string> MyGroups,
    bool CanSubmit,
    bool CanCirculate)
{
    public bool CanDecide => Report.Status == ReportStatus.InReview && MyGroups.Count > 0;
}

/// <summary>
/// The report as its reviewers see it: the rendered text, the status, each required group's decision, the comments.
/// For those who draft or review the report only.
/// </summary>
public sealed class GetReportReview(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, MarkdownRenderer markdown)
{
    public async Task<Outcome<ReportReviewView>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, CancellationToken ct = default)
    {
        if (!await ReportWorkflow.CanReadAsync(authorization, actor, eventId))
        {
            return Outcome<ReportReviewView>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.AsNoTracking()
            .Include(r => r.Reviews.OrderBy(x => x.AtUtc))
            .Include(r => r.Comments.OrderBy(x => x.AtUtc))
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.EventId == eventId, ct);
        var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, ct);
        if (report is null || e is null)
        {
            return Outcome<ReportReviewView>.NotFound();
        }

        var suggested = report.RequiredReviewGroups.Count > 0 ? report.RequiredReviewGroups : await ReportWorkflow.DefaultReviewGroupsAsync(db, e, ct);
        var mine = await ReportWorkflow.GroupsActorDecidesForAsync(db, actor, report, ct);
        var canSubmit = await authorization.CanAsync(actor, eventId, EventPermission.DraftReport);
        var canCirculate = await authorization.CanAsync(actor, eventId, EventPermission.Edit);
        return Outcome<ReportReviewView>.Success(new ReportReviewView(report, e.Title, e.StartsAtUtc, e.TimeZoneId, e.City, markdown.ToSafeHtml(report.Markdown),
            ReportWorkflow.GroupStates(report), suggested, mine, canSubmit, canCirculate));
    }
}
